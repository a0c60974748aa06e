package io.storyteller.ops.e2e;

import static org.awaitility.Awaitility.await;

import io.storyteller.ops.e2e.PlayViews.Update;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import reactor.core.Disposable;

/**
 * A {@code storyEvents} subscription over the WebSocket, recording every update it receives in
 * arrival order (and the error that ends it, if one does) for a test to wait on.
 */
final class PlayStoryEvents implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** How long a poke may go unanswered before the next: a subscription the server had not yet started misses it. */
    private static final Duration REPOKE = Duration.ofSeconds(3);

    private static final String SUBSCRIPTION = """
            subscription Watch($storyId: ID!) {
              storyEvents(storyId: $storyId) { storyId kind requestId chunk reason beat { %s } }
            }""".formatted(PlayViews.BEAT_FIELDS);

    private final WebSocketGraphQlClient client;
    private final List<Update> updates = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Disposable subscription;

    private PlayStoryEvents(WebSocketGraphQlClient client, String storyId) {
        this.client = client;
        this.subscription = client.document(SUBSCRIPTION).variable("storyId", storyId)
                .retrieveSubscription("storyEvents").toEntity(Update.class)
                .subscribe(updates::add, failure::set);
    }

    /** Subscribes at once; the server may take a moment to start streaming (see {@link #awaitLive}). */
    static PlayStoryEvents watch(WebSocketGraphQlClient client, String storyId) {
        return new PlayStoryEvents(client, storyId);
    }

    /**
     * Returns once the server streams to this subscription. The protocol acknowledges no subscribe,
     * so this changes the story with {@code poke} (which must cause a STORY_CHANGED), and again now
     * and then, until a STORY_CHANGED arrives.
     */
    PlayStoryEvents awaitLive(Runnable poke) {
        AtomicLong nextPoke = new AtomicLong(System.nanoTime());
        await("a STORY_CHANGED after poking the story").atMost(PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    requireOpen();
                    if (updates.stream().anyMatch(u -> u.is("STORY_CHANGED"))) {
                        return true;
                    }
                    if (System.nanoTime() - nextPoke.get() >= 0) {
                        poke.run();
                        nextPoke.set(System.nanoTime() + REPOKE.toNanos());
                    }
                    return false;
                });
        return this;
    }

    /** The first update of the kind that satisfies {@code which}, waiting for it if need be. */
    Update awaitFirst(String kind, Predicate<Update> which) {
        return await("a " + kind + " update").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Update found = first(kind, which);
                    if (found == null) {
                        requireOpen();
                    }
                    return found;
                }, found -> found != null);
    }

    Update awaitFirst(String kind) {
        return awaitFirst(kind, update -> true);
    }

    /** The updates received so far of the kind that satisfy {@code which}, in arrival order. */
    List<Update> received(String kind, Predicate<Update> which) {
        return updates.stream().filter(u -> u.is(kind)).filter(which).toList();
    }

    /** Where the update stands in arrival order (by identity). */
    int arrivalOf(Update update) {
        for (int i = 0; i < updates.size(); i++) {
            if (updates.get(i) == update) {
                return i;
            }
        }
        return -1;
    }

    /** The error that ended the subscription, waiting for it if need be. */
    Throwable awaitFailure() {
        return await("the subscription to fail").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(failure::get, error -> error != null);
    }

    Throwable failure() {
        return failure.get();
    }

    private void requireOpen() {
        if (failure.get() != null) {
            throw new AssertionError("the subscription ended with an error", failure.get());
        }
    }

    private Update first(String kind, Predicate<Update> which) {
        return updates.stream().filter(u -> u.is(kind)).filter(which).findFirst().orElse(null);
    }

    @Override
    public void close() {
        subscription.dispose();
        client.stop().block(Api.timeout());
    }
}
