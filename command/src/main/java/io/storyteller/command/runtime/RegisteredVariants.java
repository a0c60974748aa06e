package io.storyteller.command.runtime;

import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelVariantView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Variant definitions from the model registry. A variant never changes once derived, so each is
 * asked for once and kept; an unknown id is asked again next time (it may be registered since).
 */
final class RegisteredVariants implements VariantDefinitions {

    private static final long TIMEOUT_SECONDS = 10;

    private final Supplier<QueryGateway> queries;
    private final Map<String, ModelVariantView> known = new ConcurrentHashMap<>();

    /** @param queries the query gateway, or null where the application has none (no variants then) */
    RegisteredVariants(Supplier<QueryGateway> queries) {
        this.queries = queries;
    }

    @Override
    public Optional<ModelVariantView> variant(String modelId) {
        ModelVariantView cached = known.get(modelId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ModelVariantView> found = registered().stream()
                .filter(model -> model.modelId().equals(modelId) && model.variant() != null)
                .map(ModelView::variant)
                .findFirst();
        found.ifPresent(variant -> known.put(modelId, variant));
        return found;
    }

    private List<ModelView> registered() {
        QueryGateway gateway = queries.get();
        if (gateway == null) {
            return List.of();
        }
        try {
            return gateway.query(new FindModels(null, null, null, Actor.system()),
                    ResponseTypes.multipleInstancesOf(ModelView.class)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while looking up a model variant");
        } catch (Exception e) {
            throw new ModelUnavailableException("the model registry could not be asked for variants");
        }
    }
}
