package io.storyteller.command.runtime.onnx;

import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A version's artifact as the model registry records it. The artifact is fixed when the version is
 * added, so every answer for a registered version is kept (also "it has none": stages ask for each
 * call); a version not found yet is asked again next time.
 */
public final class RegisteredArtifacts implements Function<ModelRef, Optional<ModelArtifact>> {

    private static final long TIMEOUT_SECONDS = 10;

    private final Supplier<QueryGateway> queries;
    private final Map<String, Optional<ModelArtifact>> known = new ConcurrentHashMap<>();

    /** @param queries the query gateway, or a supplier of null where the application has none */
    public RegisteredArtifacts(Supplier<QueryGateway> queries) {
        this.queries = queries;
    }

    @Override
    public Optional<ModelArtifact> apply(ModelRef ref) {
        Optional<ModelArtifact> cached = known.get(ref.label());
        if (cached != null) {
            return cached;
        }
        Optional<ModelVersionView> version = registered().stream()
                .filter(model -> model.modelId().equals(ref.modelId()))
                .flatMap(model -> model.versions().stream())
                .filter(candidate -> candidate.version().equals(ref.version()))
                .findFirst();
        version.ifPresent(found -> known.put(ref.label(), Optional.ofNullable(found.artifact())));
        return version.map(ModelVersionView::artifact);
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
            throw new IllegalStateException("interrupted while looking up a model version's artifact", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof NoHandlerForQueryException) {
                return List.of(); // no registry in this application: nothing is served from downloaded files
            }
            throw new IllegalStateException("the model registry could not be asked for a model version's artifact", e);
        } catch (Exception e) {
            throw new IllegalStateException("the model registry could not be asked for a model version's artifact", e);
        }
    }
}
