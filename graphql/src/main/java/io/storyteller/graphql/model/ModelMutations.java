package io.storyteller.graphql.model;

import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.DeriveModelVariant;
import io.storyteller.domain.model.RecordModelEvaluation;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.RetireModel;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Changes to the model registry: each builds one command carrying the caller and hands it to the
 * command gateway; the Model aggregate decides, including who may (platform admins and the model
 * manager). Ids follow the registry's conventions and are chosen here, at the edge.
 */
@Controller
public class ModelMutations {

    private final CommandGateway commands;

    public ModelMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<ModelPayload> registerModel(@Argument RegisterModelInput input, Actor actor) {
        String modelId = input.modelId();
        return commands.send(new RegisterModel(modelId, input.spec(), input.source(), null, actor))
                .thenApply(done -> new ModelPayload(modelId));
    }

    @MutationMapping
    public CompletableFuture<ModelVersionPayload> addModelVersion(@Argument String modelId, @Argument ModelVersionInput input,
            Actor actor) {
        return commands.send(new AddModelVersion(modelId, input.version(), input.artifact(), input.derivedFrom(),
                        input.trainingDataRange(), actor))
                .thenApply(done -> new ModelVersionPayload(modelId, input.version()));
    }

    @MutationMapping
    public CompletableFuture<ModelVersionPayload> recordModelEvaluation(@Argument String modelId, @Argument String version,
            @Argument String suite, @Argument List<MetricInput> metrics, Actor actor) {
        return commands.send(new RecordModelEvaluation(modelId, version, suite, MetricInput.byName(metrics), actor))
                .thenApply(done -> new ModelVersionPayload(modelId, version));
    }

    /** A variant's first version is "1". */
    @MutationMapping
    public CompletableFuture<ModelVersionPayload> deriveModelVariant(@Argument DeriveModelVariantInput input, Actor actor) {
        String variantId = input.variantModelId();
        return commands.send(new DeriveModelVariant(variantId, input.name(), input.base(), input.useCase(),
                        input.systemPrompt(), input.sampling(), actor))
                .thenApply(done -> new ModelVersionPayload(variantId, "1"));
    }

    @MutationMapping
    public CompletableFuture<ModelPayload> retireModel(@Argument String modelId, @Argument String reason, Actor actor) {
        return commands.send(new RetireModel(modelId, reason, actor)).thenApply(done -> new ModelPayload(modelId));
    }
}
