package io.storyteller.ops.live;

import io.storyteller.domain.story.WatchStory;
import io.storyteller.graphql.error.WatcherTooSlow;
import java.util.concurrent.ArrayBlockingQueue;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One {@link WatchStory} subscription: a unicast sink over a bounded queue. Updates are buffered
 * from registration on (so none is lost while the initial result is read) until the subscriber
 * takes them; a subscriber that falls {@code capacity} updates behind is ended with
 * {@link WatcherTooSlow} instead of growing the queue.
 */
final class StoryWatcher {

    private final SubscriptionQueryMessage<?, ?, ?> query;
    private final int capacity;
    private final Sinks.Many<SubscriptionQueryUpdateMessage<?>> sink;

    StoryWatcher(SubscriptionQueryMessage<?, ?, ?> query, int capacity) {
        this.query = query;
        this.capacity = capacity;
        this.sink = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<SubscriptionQueryUpdateMessage<?>>(capacity));
    }

    SubscriptionQueryMessage<?, ?, ?> query() {
        return query;
    }

    WatchStory watch() {
        return (WatchStory) query.getPayload();
    }

    String storyId() {
        return watch().storyId();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    <U> Flux<SubscriptionQueryUpdateMessage<U>> updates() {
        return (Flux) sink.asFlux();
    }

    /**
     * Serialised: the projection's thread and the narration engine's may offer to one story at once.
     * Returns false when the watcher overflowed: it is then ended with {@link WatcherTooSlow}, which
     * its subscriber sees after the updates already buffered.
     */
    synchronized boolean offer(SubscriptionQueryUpdateMessage<?> update) {
        if (sink.tryEmitNext(update) == Sinks.EmitResult.FAIL_OVERFLOW) {
            sink.tryEmitError(new WatcherTooSlow(storyId(), capacity));
            return false;
        }
        return true;
    }

    synchronized void complete() {
        sink.tryEmitComplete();
    }

    synchronized void fail(Throwable cause) {
        sink.tryEmitError(cause);
    }
}
