package io.storyteller.domain.deployment;

import io.storyteller.domain.model.Model;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.RegisteredModels;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.world.World;
import io.storyteller.domain.world.WorldLookup;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * What a slot may be opened for and served by is decided with the facts of other aggregates: a
 * world's slot needs the world, and a model version put in place (stable, or a rollout's candidate)
 * must be in the registry, not retired. These commands load them (read only) and then create or
 * change the deployment, in one unit of work.
 */
public class DeploymentAdmission {

    private final Repository<World> worlds;
    private final Repository<Model> models;
    private final Repository<Deployment> deployments;

    public DeploymentAdmission(Repository<World> worlds, Repository<Model> models, Repository<Deployment> deployments) {
        this.worlds = worlds;
        this.models = models;
        this.deployments = deployments;
    }

    @CommandHandler
    public String handle(CreateDeployment command) throws Exception {
        ModelAuthority.require(command.actor());
        String worldId = command.worldId();
        if (worldId != null && !worldId.isBlank()) {
            WorldLookup.load(worlds, "worldId", Require.id("worldId", worldId));
        }
        requireServable("stable", command.stable());
        return deployments.newInstance(() -> new Deployment(command)).identifierAsString();
    }

    @CommandHandler
    public void handle(ReplaceStableModel command) {
        ModelAuthority.require(command.actor());
        requireServable("stable", command.stable());
        change(command.deploymentId(), deployment -> deployment.replaceStable(command));
    }

    @CommandHandler
    public void handle(StartRollout command) {
        ModelAuthority.require(command.actor());
        requireServable("candidate", command.candidate());
        change(command.deploymentId(), deployment -> deployment.startRollout(command));
    }

    /** A reference that is itself malformed is left to the Deployment, which names its own rule. */
    private void requireServable(String field, ModelRef ref) {
        if (ref == null) {
            return;
        }
        ModelRef validated;
        try {
            validated = ref.validated(field);
        } catch (DomainRejection malformed) {
            return;
        }
        RegisteredModels.requireServable(models, field, validated);
    }

    private void change(String deploymentId, Consumer<Deployment> change) {
        deployments.load(Require.id("deploymentId", deploymentId)).execute(change);
    }
}
