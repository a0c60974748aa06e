package io.storyteller.graphql.model;

import io.storyteller.domain.model.FindModelLineage;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelEvaluationView;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelLineage;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads the model registry and lineage; the query side decides what the caller may see. */
@Controller
public class ModelQueryFields {

    private final QueryGateway queries;

    public ModelQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<ModelView>> models(@Argument String provider, @Argument ModelKind kind,
            @Argument ModelStatus status, Actor actor) {
        return queries.query(new FindModels(provider, kind, status, actor), ResponseTypes.multipleInstancesOf(ModelView.class));
    }

    /**
     * The registry is asked for every model and one is picked: a model's id does not name its
     * provider reliably (variants are {@code variant:<name>}), and the registry stays small.
     */
    @QueryMapping
    public CompletableFuture<ModelView> model(@Argument String id, Actor actor) {
        return models(null, null, null, actor).thenApply(models -> models.stream()
                .filter(model -> model.modelId().equals(id))
                .findFirst().orElse(null));
    }

    @SchemaMapping(typeName = "Model", field = "lineage")
    public CompletableFuture<ModelLineage> lineage(ModelView model, @Argument String version, Actor actor) {
        return queries.query(new FindModelLineage(model.modelId(), version, actor),
                        ResponseTypes.optionalInstanceOf(ModelLineage.class))
                .thenApply(found -> found.orElse(null));
    }

    @SchemaMapping(typeName = "Model", field = "id")
    public String id(ModelView model) {
        return model.modelId();
    }

    @SchemaMapping(typeName = "ModelEvaluation", field = "metrics")
    public List<Metric> metrics(ModelEvaluationView evaluation) {
        return Metric.of(evaluation.metrics());
    }
}
