package io.storyteller.domain.model;

import io.storyteller.domain.shared.DomainRejection;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Checks a model version another aggregate's command wants to serve with (read only): it must be in
 * the registry, not retired, and have that version. Otherwise the command is refused naming the
 * field, instead of every later narration failing on a model nothing can run.
 */
public final class RegisteredModels {

    private RegisteredModels() {
    }

    /**
     * @param field the command's field holding the reference, e.g. {@code stable}
     * @return what the model is, for rules about its kind
     */
    public static ModelSpec requireServable(Repository<Model> models, String field, ModelRef ref) {
        Aggregate<Model> model;
        try {
            model = models.load(ref.modelId());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw DomainRejection.notFound(field + ".modelId", "no model " + ref.modelId() + " in the registry");
        }
        if (Boolean.TRUE.equals(model.invoke(Model::isRetired))) {
            throw DomainRejection.conflict(field + ".modelId", "not-retired", "model " + ref.modelId() + " is retired");
        }
        if (!Boolean.TRUE.equals(model.invoke(m -> m.hasVersion(ref.version())))) {
            throw DomainRejection.notFound(field + ".version", "model " + ref.modelId() + " has no version " + ref.version());
        }
        return model.invoke(Model::spec);
    }
}
