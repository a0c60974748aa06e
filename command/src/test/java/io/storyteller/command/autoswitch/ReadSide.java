package io.storyteller.command.autoswitch;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelView;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.QueryHandler;

/** The deployments and models as the runner queries them, held in memory. */
final class ReadSide {

    final List<DeploymentView> deployments = new CopyOnWriteArrayList<>();
    final List<ModelView> models = new CopyOnWriteArrayList<>();

    @QueryHandler
    List<DeploymentView> handle(FindDeployments query) {
        return List.copyOf(deployments);
    }

    @QueryHandler
    List<ModelView> handle(FindModels query) {
        return models.stream().filter(m -> query.provider() == null || query.provider().equals(m.spec().provider()))
                .toList();
    }
}
