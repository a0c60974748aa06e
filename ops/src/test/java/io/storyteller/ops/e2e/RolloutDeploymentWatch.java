package io.storyteller.ops.e2e;

import io.storyteller.ops.e2e.RolloutViews.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import reactor.core.Disposable;

/**
 * A {@code deploymentEvents} subscription over the WebSocket, recording every view of one slot it
 * receives, in arrival order: the slot as it stands first, then the slot at each change.
 */
public final class RolloutDeploymentWatch implements AutoCloseable {

    private static final String SUBSCRIPTION = """
            subscription {
              deploymentEvents {
                id useCase worldId stable { modelId version }
                rollout { rolloutId candidate { modelId version } phase step lastStep plan weight paused reason startedAt }
                traffic { stableWeight canaryWeight shadowMirrored candidate { modelId version } }
              }
            }""";

    private final WebSocketGraphQlClient client;
    private final List<Deployment> views = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Disposable subscription;

    private RolloutDeploymentWatch(WebSocketGraphQlClient client, String deploymentId) {
        this.client = client;
        this.subscription = client.document(SUBSCRIPTION).retrieveSubscription("deploymentEvents")
                .toEntity(Deployment.class)
                .filter(view -> deploymentId.equals(view.id()))
                .subscribe(views::add, failure::set);
    }

    /** Subscribes, and returns once the slot as it stands has arrived (it must exist already). */
    public static RolloutDeploymentWatch watch(WebSocketGraphQlClient client, String deploymentId) {
        var watch = new RolloutDeploymentWatch(client, deploymentId);
        watch.await("the slot " + deploymentId + " as it stands", view -> true, RolloutWorlds.PATIENCE);
        return watch;
    }

    /** The first view received that matches, waiting for it if need be. */
    public Deployment await(String description, Predicate<Deployment> which, Duration patience) {
        return Awaitility.await(description).atMost(patience).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Deployment found = views.stream().filter(which).findFirst().orElse(null);
                    if (found == null && failure.get() != null) {
                        throw new AssertionError("deploymentEvents ended", failure.get());
                    }
                    return found;
                }, found -> found != null);
    }

    /** Every view received so far, oldest first. */
    public List<Deployment> views() {
        return List.copyOf(views);
    }

    @Override
    public void close() {
        subscription.dispose();
        client.stop().block(Api.timeout());
    }
}
