package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.domain.model.ModelRef;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves house classifier versions: the guardrail, detector or reviewer a {@link ModelRef} names
 * ({@code house-classifier:guardrail} / {@code :detector} / {@code :reviewer}, version {@code "<N>"}),
 * or the pinned default version. Each version is loaded once (checksum checked) and kept open until shutdown.
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

    /** The reviewer the ref names ({@code house-classifier:reviewer}); it has no default: only a slot makes it review. */
    public Optional<HouseReviewer> reviewer(ModelRef ref) {
        return runtime(ref, HouseReviewer.KEY).map(HouseReviewer::new);
    }

    /**
     * The default guardrail, for a world whose guardrail slot names no model: the pinned version, not
     * the newest (a retrained one serves only once a deployment or an admin's pin names it).
     */
    public Optional<HouseGuardrail> defaultGuardrail() {
        return defaultRuntime(ClassifierPublisher.GUARDRAIL).map(runtime -> new HouseGuardrail(runtime, guardrailThreshold));
    }

    /** The default detector (pinned, like {@link #defaultGuardrail()}). */
    public Optional<HouseDetector> defaultDetector() {
        return defaultRuntime(ClassifierPublisher.DETECTOR).map(HouseDetector::new);
    }

    private Optional<ClassifierRuntime> defaultRuntime(String key) {
        OptionalInt version = store.defaultVersion(key);
        return version.isPresent() ? Optional.of(open(key, version.getAsInt())) : Optional.empty();
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
