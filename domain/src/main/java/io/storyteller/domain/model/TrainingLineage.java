package io.storyteller.domain.model;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a version was trained, so it can be reproduced and judged: the version it started from, the
 * dataset (a corpus export's id, its manifest digest and record counts), the hyper-parameters as
 * requested, the backend that trained it and what the training measured.
 *
 * @param fineTuningId  the fine-tuning that made it
 * @param records       records per dataset file, e.g. {@code sft.train.jsonl -> 1200}
 * @param externalJobId the provider's training job, when there was one
 */
public record TrainingLineage(String fineTuningId,
        ModelRef base,
        String backend,
        String exportId,
        String datasetDigest,
        Map<String, Long> records,
        Map<String, String> hyperParameters,
        Map<String, Double> metrics,
        String externalJobId) {

    static final int MAX_ENTRIES = 100;

    public TrainingLineage {
        records = records == null ? Map.of() : new TreeMap<>(records);
        hyperParameters = hyperParameters == null ? Map.of() : new TreeMap<>(hyperParameters);
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
    }

    /** The same lineage, checked; rejects naming the first field that breaks a rule. */
    public TrainingLineage validated(String field) {
        Require.id(field + ".fineTuningId", fineTuningId);
        Require.present(field + ".base", base).validated(field + ".base");
        Require.text(field + ".backend", backend, 60);
        Require.text(field + ".exportId", exportId, 200);
        Require.text(field + ".datasetDigest", datasetDigest, 64);
        Require.optionalText(field + ".externalJobId", externalJobId, 300);
        if (records.size() > MAX_ENTRIES || hyperParameters.size() > MAX_ENTRIES || metrics.size() > MAX_ENTRIES) {
            throw DomainRejection.invalid(field, "max-count:" + MAX_ENTRIES,
                    field + " names at most " + MAX_ENTRIES + " records, hyper-parameters and metrics each");
        }
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw DomainRejection.invalid(field + ".metrics." + name, "finite", "metric " + name + " must be a finite number");
            }
        });
        return this;
    }
}
