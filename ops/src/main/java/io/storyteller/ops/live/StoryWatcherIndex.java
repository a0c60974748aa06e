package io.storyteller.ops.live;

import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.WatchStory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;

/**
 * Axon's query update emitter with the {@link WatchStory} subscriptions indexed by story id.
 * Axon's own emitter tests every open subscription against every update's filter; with thousands of
 * watchers that is thousands of checks per beat. Here an update whose payload is a
 * {@link StoryUpdate} goes only to the watchers of {@link StoryUpdate#storyId()} (the filter is
 * still applied to each of them), so one update costs what its own story's watchers cost. Every
 * other subscription query is left to the delegate.
 * <p>
 * Like Axon's emitter, an update emitted inside a unit of work is delivered after it commits, so a
 * watcher that reads again sees the change.
 */
public final class StoryWatcherIndex implements QueryUpdateEmitter {

    private final QueryUpdateEmitter others;
    private final int watcherBuffer;
    private final ConcurrentMap<String, Set<StoryWatcher>> byStory = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, StoryWatcher> byMessageId = new ConcurrentHashMap<>();

    public StoryWatcherIndex(QueryUpdateEmitter others, int watcherBuffer) {
        if (watcherBuffer < 1) {
            throw new IllegalArgumentException("watcher buffer must be at least 1, not " + watcherBuffer);
        }
        this.others = others;
        this.watcherBuffer = watcherBuffer;
    }

    /** How many watchers the story has now. */
    public int watchers(String storyId) {
        Set<StoryWatcher> watchers = byStory.get(storyId);
        return watchers == null ? 0 : watchers.size();
    }

    @Override
    public <U> UpdateHandlerRegistration<U> registerUpdateHandler(SubscriptionQueryMessage<?, ?, ?> query, int updateBufferSize) {
        if (!(query.getPayload() instanceof WatchStory)) {
            return others.registerUpdateHandler(query, updateBufferSize);
        }
        StoryWatcher watcher = new StoryWatcher(query, watcherBuffer);
        byMessageId.put(query.getIdentifier(), watcher);
        byStory.compute(watcher.storyId(), (storyId, watchers) -> {
            Set<StoryWatcher> set = watchers == null ? ConcurrentHashMap.newKeySet() : watchers;
            set.add(watcher);
            return set;
        });
        Registration registration = () -> {
            remove(watcher);
            return true;
        };
        return new UpdateHandlerRegistration<>(registration, watcher.<U>updates().doFinally(signal -> remove(watcher)),
                () -> {
                    remove(watcher);
                    watcher.complete();
                });
    }

    @Override
    @SuppressWarnings("deprecation")
    public <U> UpdateHandlerRegistration<U> registerUpdateHandler(SubscriptionQueryMessage<?, ?, ?> query,
            SubscriptionQueryBackpressure backpressure, int updateBufferSize) {
        return query.getPayload() instanceof WatchStory
                ? registerUpdateHandler(query, updateBufferSize)
                : others.registerUpdateHandler(query, backpressure, updateBufferSize);
    }

    @Override
    public boolean queryUpdateHandlerRegistered(SubscriptionQueryMessage<?, ?, ?> query) {
        return byMessageId.containsKey(query.getIdentifier()) || others.queryUpdateHandlerRegistered(query);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q, U> void emit(Class<Q> queryType, Predicate<? super Q> filter, SubscriptionQueryUpdateMessage<U> update) {
        if (queryType == WatchStory.class && update.getPayload() instanceof StoryUpdate story) {
            Predicate<WatchStory> watches = (Predicate<WatchStory>) filter;
            afterCommitOrNow(() -> tell(story.storyId(), watcher -> watches.test(watcher.watch()), update));
        } else {
            others.emit(queryType, filter, update);
        }
    }

    /** A story update sent with a message filter still goes only to its story's watchers. */
    @Override
    public <U> void emit(Predicate<SubscriptionQueryMessage<?, ?, U>> filter, SubscriptionQueryUpdateMessage<U> update) {
        if (update.getPayload() instanceof StoryUpdate story) {
            afterCommitOrNow(() -> tell(story.storyId(), watcher -> filter.test(typed(watcher.query())), update));
        } else {
            others.emit(filter, update);
        }
    }

    @Override
    public void complete(Predicate<SubscriptionQueryMessage<?, ?, ?>> filter) {
        afterCommitOrNow(() -> matching(filter).forEach(watcher -> {
            remove(watcher);
            watcher.complete();
        }));
        others.complete(filter);
    }

    @Override
    public void completeExceptionally(Predicate<SubscriptionQueryMessage<?, ?, ?>> filter, Throwable cause) {
        afterCommitOrNow(() -> matching(filter).forEach(watcher -> {
            remove(watcher);
            watcher.fail(cause);
        }));
        others.completeExceptionally(filter, cause);
    }

    @Override
    public Set<SubscriptionQueryMessage<?, ?, ?>> activeSubscriptions() {
        Set<SubscriptionQueryMessage<?, ?, ?>> active = new HashSet<>(others.activeSubscriptions());
        byMessageId.values().forEach(watcher -> active.add(watcher.query()));
        return active;
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super SubscriptionQueryUpdateMessage<?>> interceptor) {
        return others.registerDispatchInterceptor(interceptor);
    }

    private void tell(String storyId, Predicate<StoryWatcher> which, SubscriptionQueryUpdateMessage<?> update) {
        Set<StoryWatcher> watchers = byStory.get(storyId);
        if (watchers != null) {
            for (StoryWatcher watcher : watchers) {
                if (which.test(watcher) && !watcher.offer(update)) {
                    remove(watcher);
                }
            }
        }
    }

    /** Completing by filter is rare (no caller today) and may scan. */
    private Iterable<StoryWatcher> matching(Predicate<SubscriptionQueryMessage<?, ?, ?>> filter) {
        return byMessageId.values().stream().filter(watcher -> filter.test(watcher.query())).toList();
    }

    private void remove(StoryWatcher watcher) {
        if (byMessageId.remove(watcher.query().getIdentifier()) == null) {
            return;
        }
        byStory.computeIfPresent(watcher.storyId(), (storyId, watchers) -> {
            watchers.remove(watcher);
            return watchers.isEmpty() ? null : watchers;
        });
    }

    @SuppressWarnings("unchecked")
    private static <U> SubscriptionQueryMessage<?, ?, U> typed(SubscriptionQueryMessage<?, ?, ?> query) {
        return (SubscriptionQueryMessage<?, ?, U>) query;
    }

    /** As Axon's emitter: within a started unit of work, wait for its commit (and drop it on rollback). */
    private static void afterCommitOrNow(Runnable delivery) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.STARTED) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> delivery.run());
        } else {
            delivery.run();
        }
    }
}
