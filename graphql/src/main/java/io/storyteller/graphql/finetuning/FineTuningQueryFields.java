package io.storyteller.graphql.finetuning;

import io.storyteller.domain.finetuning.FindFineTuning;
import io.storyteller.domain.finetuning.FindFineTunings;
import io.storyteller.domain.finetuning.FindTrainingStage;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningStatus;
import io.storyteller.domain.finetuning.FineTuningView;
import io.storyteller.domain.model.TrainingLineage;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads fine-tunings and the training lineage of model versions; the query side decides what the caller may see. */
@Controller
public class FineTuningQueryFields {

    private final QueryGateway queries;

    public FineTuningQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<FineTuningView>> fineTunings(@Argument FineTuningStatus status, @Argument int first, Actor actor) {
        return queries.query(new FindFineTunings(status, first, actor), ResponseTypes.multipleInstancesOf(FineTuningView.class));
    }

    @QueryMapping
    public CompletableFuture<FineTuningView> fineTuning(@Argument String id, Actor actor) {
        return queries.query(new FindFineTuning(id, actor), ResponseTypes.optionalInstanceOf(FineTuningView.class))
                .thenApply(found -> found.orElse(null));
    }

    @SchemaMapping(typeName = "FineTuning", field = "id")
    public String id(FineTuningView fineTuning) {
        return fineTuning.fineTuningId();
    }

    /** Asked of the node that trains only while the read model says it trains; the stage is not recorded. */
    @SchemaMapping(typeName = "FineTuning", field = "trainingStage")
    public CompletableFuture<String> trainingStage(FineTuningView fineTuning) {
        if (fineTuning.status() != FineTuningStatus.TRAINING) {
            return CompletableFuture.completedFuture(null);
        }
        return queries.query(new FindTrainingStage(fineTuning.fineTuningId()), ResponseTypes.optionalInstanceOf(String.class))
                .thenApply(stage -> stage.orElse(null))
                .exceptionally(unanswered -> null);
    }

    @SchemaMapping(typeName = "FineTuning", field = "hyperParameters")
    public List<HyperParameter> hyperParameters(FineTuningView fineTuning) {
        return HyperParameter.of(fineTuning.hyperParameters());
    }

    @SchemaMapping(typeName = "FineTuning", field = "metrics")
    public List<TrainingMetric> metrics(FineTuningView fineTuning) {
        return TrainingMetric.of(fineTuning.metrics());
    }

    @SchemaMapping(typeName = "FineTuningDataset", field = "files")
    public List<DatasetFileCount> files(FineTuningDataset dataset) {
        return DatasetFileCount.of(dataset.records());
    }

    @SchemaMapping(typeName = "TrainingLineage", field = "records")
    public List<DatasetFileCount> records(TrainingLineage lineage) {
        return DatasetFileCount.of(lineage.records());
    }

    @SchemaMapping(typeName = "TrainingLineage", field = "hyperParameters")
    public List<HyperParameter> hyperParameters(TrainingLineage lineage) {
        return HyperParameter.of(lineage.hyperParameters());
    }

    @SchemaMapping(typeName = "TrainingLineage", field = "metrics")
    public List<TrainingMetric> metrics(TrainingLineage lineage) {
        return TrainingMetric.of(lineage.metrics());
    }
}
