package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.world.World;
import io.storyteller.domain.world.WorldLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Opens use-case slots. A world's slot may only be opened for a world that exists, so this loads the
 * world (read only) and then creates the deployment, in one unit of work.
 */
public class DeploymentAdmission {

    private final Repository<World> worlds;
    private final Repository<Deployment> deployments;

    public DeploymentAdmission(Repository<World> worlds, Repository<Deployment> deployments) {
        this.worlds = worlds;
        this.deployments = deployments;
    }

    @CommandHandler
    public String handle(CreateDeployment command) throws Exception {
        ModelAuthority.require(command.actor());
        String worldId = command.worldId();
        if (worldId != null && !worldId.isBlank()) {
            WorldLookup.load(worlds, "worldId", Require.id("worldId", worldId));
        }
        return deployments.newInstance(() -> new Deployment(command)).identifierAsString();
    }
}
