package io.storyteller.graphql.deployment;

import io.storyteller.domain.deployment.AbortRollout;
import io.storyteller.domain.deployment.CreateDeployment;
import io.storyteller.domain.deployment.DeploymentIds;
import io.storyteller.domain.deployment.PauseRollout;
import io.storyteller.domain.deployment.PromoteRollout;
import io.storyteller.domain.deployment.ReplaceStableModel;
import io.storyteller.domain.deployment.ResumeRollout;
import io.storyteller.domain.deployment.StartRollout;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Changes to deployment slots and their rollouts: each builds one command carrying the caller and
 * hands it to the command gateway; the Deployment aggregate decides, including who may (platform
 * admins and the model manager). A slot's id is its key; a rollout's id is chosen here.
 */
@Controller
public class DeploymentMutations {

    private final CommandGateway commands;

    public DeploymentMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<DeploymentPayload> createDeployment(@Argument UseCase useCase, @Argument String worldId,
            @Argument ModelRef stable, Actor actor) {
        String world = worldId == null || worldId.isBlank() ? null : worldId.strip();
        String deploymentId = DeploymentIds.of(useCase, world);
        return commands.send(new CreateDeployment(deploymentId, useCase, world, stable, actor))
                .thenApply(done -> new DeploymentPayload(deploymentId));
    }

    @MutationMapping
    public CompletableFuture<DeploymentPayload> replaceStableModel(@Argument String deploymentId, @Argument ModelRef stable,
            @Argument String reason, Actor actor) {
        return commands.send(new ReplaceStableModel(deploymentId, stable, reason, actor))
                .thenApply(done -> new DeploymentPayload(deploymentId));
    }

    @MutationMapping
    public CompletableFuture<RolloutPayload> startRollout(@Argument String deploymentId, @Argument ModelRef candidate,
            @Argument RolloutStrategyInput strategy, @Argument String reason, Actor actor) {
        String rolloutId = UUID.randomUUID().toString();
        return commands.send(new StartRollout(deploymentId, rolloutId, candidate, strategy.toStrategy(), reason, actor))
                .thenApply(done -> new RolloutPayload(deploymentId, rolloutId));
    }

    @MutationMapping
    public CompletableFuture<RolloutPayload> pauseRollout(@Argument String deploymentId, @Argument String rolloutId,
            @Argument String reason, Actor actor) {
        return commands.send(new PauseRollout(deploymentId, rolloutId, reason, actor))
                .thenApply(done -> new RolloutPayload(deploymentId, rolloutId));
    }

    @MutationMapping
    public CompletableFuture<RolloutPayload> resumeRollout(@Argument String deploymentId, @Argument String rolloutId,
            Actor actor) {
        return commands.send(new ResumeRollout(deploymentId, rolloutId, actor))
                .thenApply(done -> new RolloutPayload(deploymentId, rolloutId));
    }

    @MutationMapping
    public CompletableFuture<RolloutPayload> promoteRollout(@Argument String deploymentId, @Argument String rolloutId,
            @Argument String reason, Actor actor) {
        return commands.send(new PromoteRollout(deploymentId, rolloutId, reason, actor))
                .thenApply(done -> new RolloutPayload(deploymentId, rolloutId));
    }

    @MutationMapping
    public CompletableFuture<RolloutPayload> abortRollout(@Argument String deploymentId, @Argument String rolloutId,
            @Argument String reason, Actor actor) {
        return commands.send(new AbortRollout(deploymentId, rolloutId, reason, actor))
                .thenApply(done -> new RolloutPayload(deploymentId, rolloutId));
    }
}
