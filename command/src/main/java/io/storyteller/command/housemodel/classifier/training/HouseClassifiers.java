package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.domain.model.ModelRef;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves house classifier versions: the guardrail or detector a {@link ModelRef} names
 * ({@code house-classifier:guardrail} / {@code house-classifier:detector}, version {@code "<N>"}),
 * or the newest stored. Each version is loaded once (checksum checked) and kept open until shutdown.
 */
public class HouseClassifiers implements AutoCloseable {

    private static final String PREFIX = ClassifierMetadata.modelId("");

    private final ClassifierStore store;
    private final double guardrailThreshold;
    private final Map<String, ClassifierRuntime> loaded = new ConcurrentHashMap<>();

    public HouseClassifiers(ClassifierStore store, double guardrailThreshold) {
        this.store = store;
        this.guardrailThreshold = guardrailThreshold;
    }

    /** Whether the ref names a house classifier (so this, not a remote runtime, serves it). */
    public static boolean serves(ModelRef ref) {
        return ref != null && ref.modelId() != null && ref.modelId().startsWith(PREFIX);
    }

    /** The guardrail the ref names; empty when it names another model or a version not stored here. */
    public Optional<HouseGuardrail> guardrail(ModelRef ref) {
        return runtime(ref, ClassifierPublisher.GUARDRAIL).map(runtime -> new HouseGuardrail(runtime, guardrailThreshold));
    }

    public Optional<HouseDetector> detector(ModelRef ref) {
        return runtime(ref, ClassifierPublisher.DETECTOR).map(HouseDetector::new);
    }

    /** The newest stored guardrail, e.g. for a world whose guardrail slot names no model. */
    public Optional<HouseGuardrail> latestGuardrail() {
        return store.latest(ClassifierPublisher.GUARDRAIL)
                .map(m -> new HouseGuardrail(open(m.modelKey(), m.version()), guardrailThreshold));
    }

    public Optional<HouseDetector> latestDetector() {
        return store.latest(ClassifierPublisher.DETECTOR).map(m -> new HouseDetector(open(m.modelKey(), m.version())));
    }

    private Optional<ClassifierRuntime> runtime(ModelRef ref, String key) {
        if (!serves(ref) || !ref.modelId().equals(ClassifierMetadata.modelId(key)) || ref.version() == null
                || !ref.version().matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        int version = Integer.parseInt(ref.version());
        return store.versions(key).contains(version) ? Optional.of(open(key, version)) : Optional.empty();
    }

    private ClassifierRuntime open(String key, int version) {
        return loaded.computeIfAbsent(key + "/" + version, k -> store.load(key, version));
    }

    @PreDestroy
    @Override
    public void close() {
        loaded.values().forEach(ClassifierRuntime::close);
        loaded.clear();
    }
}
