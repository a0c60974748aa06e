package io.storyteller.domain.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A model in the registry: what it is, where it comes from, its versions and their evaluations.
 * Once retired it accepts nothing but stays readable, so lineage and provenance keep resolving.
 * <p>
 * Its snapshot (JSON) is its fields, not its methods.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Model {

    static final int MAX_VERSION_LENGTH = 64;
    static final int MAX_METRICS = 50;

    @AggregateIdentifier
    private String modelId;
    private ModelSpec spec;
    private ModelSource source;
    private final Set<String> versions = new HashSet<>();
    private boolean retired;

    protected Model() {
    }

    @CommandHandler
    public Model(RegisterModel command) {
        String id = Require.id("modelId", command.modelId());
        Actor actor = ModelAuthority.require(command.actor());
        ModelSpec checked = Require.present("spec", command.spec()).validated();
        ModelSource from = Require.present("source", command.source());
        if (from == ModelSource.VARIANT) {
            throw DomainRejection.invalid("source", "not-variant", "variants are derived from a base model, not registered");
        }
        if (from.runsInHouse() && checked.price().charges()) {
            throw DomainRejection.invalid("spec.price", "zero-in-house", "a model run in house bills no tokens");
        }
        apply(new ModelRegistered(id, checked, from, orNull(Require.optionalText("discoveredBy", command.discoveredBy(), 200)),
                actor.userId()));
    }

    /** Called by {@link ModelDerivation} once it has checked the base; the variant's first version is "1". */
    Model(ModelVariantDerived variant) {
        apply(variant);
        apply(new ModelVersionAdded(variant.modelId(), "1", null, variant.base(), null, variant.derivedBy()));
    }

    @CommandHandler
    public void handle(AddModelVersion command) {
        Actor actor = requireManager(command.actor());
        String version = Require.text("version", command.version(), MAX_VERSION_LENGTH);
        if (versions.contains(version)) {
            throw DomainRejection.conflict("version", "unique", "model " + modelId + " already has version " + version);
        }
        ModelArtifact artifact = source.holdsFiles() ? Require.present("artifact", command.artifact()) : command.artifact();
        ModelRef derivedFrom = command.derivedFrom() == null ? null : command.derivedFrom().validated("derivedFrom");
        if (new ModelRef(modelId, version).equals(derivedFrom)) {
            throw DomainRejection.invalid("derivedFrom", "not-self", "a version cannot derive from itself");
        }
        TrainingLineage training = command.training() == null ? null : command.training().validated("training");
        if (training != null && !training.base().equals(derivedFrom)) {
            throw DomainRejection.invalid("training.base", "equals-derivedFrom", "a trained version derives from its training's base");
        }
        apply(new ModelVersionAdded(modelId, version, artifact == null ? null : artifact.validated("artifact"), derivedFrom,
                orNull(Require.optionalText("trainingDataRange", command.trainingDataRange(), 200)), actor.userId(), training));
    }

    @CommandHandler
    public void handle(RecordModelEvaluation command) {
        Actor actor = requireManager(command.actor());
        String version = Require.text("version", command.version(), MAX_VERSION_LENGTH);
        if (!versions.contains(version)) {
            throw DomainRejection.notFound("version", "model " + modelId + " has no version " + version);
        }
        String suite = Require.text("suite", command.suite(), 100);
        String evaluationId = orNull(Require.optionalText("evaluationId", command.evaluationId(), 300));
        apply(new ModelEvaluated(modelId, version, suite, metrics(command.metrics()), actor.userId(), evaluationId));
    }

    @CommandHandler
    public void handle(RetireModel command) {
        Actor actor = requireManager(command.actor());
        apply(new ModelRetired(modelId, Require.text("reason", command.reason(), 1000), actor.userId()));
    }

    boolean isRetired() {
        return retired;
    }

    boolean hasVersion(String version) {
        return versions.contains(version);
    }

    ModelSpec spec() {
        return spec;
    }

    private Actor requireManager(Actor actor) {
        if (retired) {
            throw DomainRejection.conflict("modelId", "not-retired", "model " + modelId + " is retired");
        }
        return ModelAuthority.require(actor);
    }

    /** Named, finite measurements, sorted by name so that the recorded event reads the same every time. */
    private static Map<String, Double> metrics(Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            throw DomainRejection.invalid("metrics", "required", "an evaluation records at least one metric");
        }
        if (metrics.size() > MAX_METRICS) {
            throw DomainRejection.invalid("metrics", "max-count:" + MAX_METRICS,
                    "an evaluation records at most " + MAX_METRICS + " metrics");
        }
        var sorted = new TreeMap<String, Double>();
        metrics.forEach((name, value) -> {
            String key = Require.text("metrics", name, 60);
            if (value == null || !Double.isFinite(value)) {
                throw DomainRejection.invalid("metrics." + key, "finite", "metric " + key + " must be a finite number");
            }
            sorted.put(key, value);
        });
        return Collections.unmodifiableMap(sorted);
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    @EventSourcingHandler
    void on(ModelRegistered event) {
        modelId = event.modelId();
        spec = event.spec();
        source = event.source();
    }

    @EventSourcingHandler
    void on(ModelVariantDerived event) {
        modelId = event.modelId();
        spec = event.spec();
        source = ModelSource.VARIANT;
    }

    @EventSourcingHandler
    void on(ModelVersionAdded event) {
        versions.add(event.version());
    }

    @EventSourcingHandler
    void on(ModelRetired event) {
        retired = true;
    }
}
