package io.storyteller.command.narration.pipeline;

import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a downloaded text classifier's label scores as the house guardrail's verdict: each mapped
 * label's score is a severity of its category (the highest among the labels of one category), so
 * the verdict is decided at a world's rating by the same {@code RatingPolicy} as the house
 * guardrail's. Labels that are not mapped say nothing (said once per version in the log); a
 * classifier none of whose labels is mapped is no guardrail and is refused, so the stage fails closed.
 */
public final class DownloadedGuardrailLabels {

    private static final Logger log = LoggerFactory.getLogger(DownloadedGuardrailLabels.class);

    private final DownloadedGuardrailProperties properties;
    private final Map<String, HarmCategory> categories;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public DownloadedGuardrailLabels(DownloadedGuardrailProperties properties) {
        this.properties = properties;
        this.categories = Map.copyOf(properties.categories());
    }

    /**
     * @param scores each label's probability, as the classifier gives them
     * @throws ModelUnavailableException when none of the version's labels is mapped to a harm category
     */
    public GuardrailVerdict verdict(ModelRef version, Map<String, Double> scores) {
        Map<HarmCategory, Integer> severities = new EnumMap<>(HarmCategory.class);
        Map<String, Float> read = new LinkedHashMap<>();
        boolean anyMapped = false;
        for (Map.Entry<String, Double> label : scores.entrySet()) {
            read.put(label.getKey(), label.getValue().floatValue());
            HarmCategory category = categories.get(DownloadedGuardrailProperties.normalized(label.getKey()));
            if (category != null) {
                anyMapped = true;
                severities.merge(category, properties.severity(label.getValue()), Math::max);
            }
        }
        if (!anyMapped) {
            throw new ModelUnavailableException("guardrail " + version.label() + " is a downloaded classifier whose labels "
                    + scores.keySet() + " map to no harm category: map them with "
                    + DownloadedGuardrailProperties.PREFIX + "labels.<label>=<CATEGORY>");
        }
        reportUnmapped(version, scores.keySet());
        return new GuardrailVerdict(new HarmAssessment(severities, false), read, version.label());
    }

    private void reportUnmapped(ModelRef version, Set<String> labels) {
        if (!reported.add(version.label())) {
            return;
        }
        List<String> unmapped = labels.stream()
                .filter(label -> !categories.containsKey(DownloadedGuardrailProperties.normalized(label))).toList();
        if (!unmapped.isEmpty()) {
            log.info("Guardrail {} ignores its labels {}: no {}labels.<label> maps them to a harm category",
                    version.label(), unmapped, DownloadedGuardrailProperties.PREFIX);
        }
    }
}
