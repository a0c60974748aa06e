package io.storyteller.sagas.autoswitch;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.sagas.support.PointQueryGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;

/** The query gateway as the discovery saga sees it: answers {@link FindDeployments} with the slots a test set, or fails. */
class SlotAnswers extends PointQueryGateway {

    final List<DeploymentView> slots = new ArrayList<>();
    int failuresToCome;
    int asked;

    @Override
    @SuppressWarnings("unchecked")
    public <R, Q> CompletableFuture<R> query(String queryName, Q query, ResponseType<R> responseType) {
        if (!(query instanceof FindDeployments)) {
            throw new UnsupportedOperationException("unexpected query " + query);
        }
        asked++;
        if (failuresToCome > 0) {
            failuresToCome--;
            return CompletableFuture.failedFuture(new IllegalStateException("read model unavailable"));
        }
        return CompletableFuture.completedFuture((R) List.copyOf(slots));
    }
}
