package io.storyteller.ops.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.graphql.error.WatcherTooSlow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WatchStory subscriptions through Axon's query bus with the index as its update emitter. */
class StoryWatcherIndexTest {

    static final int BUFFER = 4;

    final StoryWatcherIndex index = new StoryWatcherIndex(SimpleQueryUpdateEmitter.builder().build(), BUFFER);
    final SimpleQueryBus bus = SimpleQueryBus.builder().queryUpdateEmitter(index).build();
    final QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();

    @BeforeEach
    void readModel() {
        new AnnotationQueryHandlerAdapter<>(new Object() {
            @QueryHandler
            StoryView handle(WatchStory query) {
                return null;
            }
        }).subscribe(bus);
    }

    @Test
    void anUpdateReachesTheWatchersOfItsStoryAndTestsNoOtherSubscription() {
        List<StoryUpdate> first = watch("s1");
        List<StoryUpdate> second = watch("s1");
        List<StoryUpdate> other = watch("s2");
        for (int i = 0; i < 1000; i++) {
            watch("crowd-" + i);
        }
        AtomicInteger tested = new AtomicInteger();

        index.emit(WatchStory.class, watch -> {
            tested.incrementAndGet();
            return "s1".equals(watch.storyId());
        }, update("s1", "chunk"));

        assertThat(first).extracting(StoryUpdate::chunk).containsExactly("chunk");
        assertThat(second).extracting(StoryUpdate::chunk).containsExactly("chunk");
        assertThat(other).isEmpty();
        assertThat(tested).as("filter tests: only the story's own watchers").hasValue(2);
    }

    @Test
    void anUpdateEmittedInsideAUnitOfWorkWaitsForItsCommit() {
        List<StoryUpdate> received = watch("s1");
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));

        index.emit(WatchStory.class, watch -> "s1".equals(watch.storyId()), update("s1", "held back"));
        assertThat(received).isEmpty();

        unitOfWork.commit();
        assertThat(received).extracting(StoryUpdate::chunk).containsExactly("held back");
    }

    @Test
    void aRolledBackUnitOfWorkDeliversNothing() {
        List<StoryUpdate> received = watch("s1");
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));

        index.emit(WatchStory.class, watch -> "s1".equals(watch.storyId()), update("s1", "never"));
        unitOfWork.rollback();

        assertThat(received).isEmpty();
    }

    @Test
    void aCancelledSubscriptionLeavesTheIndex() {
        SubscriptionQueryResult<StoryView, StoryUpdate> watch = gateway.subscriptionQuery(
                new WatchStory("s1", Actor.system()), StoryView.class, StoryUpdate.class);
        watch.updates().subscribe();
        assertThat(index.watchers("s1")).isEqualTo(1);
        assertThat(index.activeSubscriptions()).hasSize(1);

        watch.cancel();

        assertThat(index.watchers("s1")).isZero();
        assertThat(index.activeSubscriptions()).isEmpty();
    }

    @Test
    void aWatcherThatTakesNothingIsEndedAfterItsBufferWhileTheOthersGoOn() {
        SubscriptionQueryResult<StoryView, StoryUpdate> stalled = gateway.subscriptionQuery(
                new WatchStory("s1", Actor.system()), StoryView.class, StoryUpdate.class);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        List<StoryUpdate> taken = new CopyOnWriteArrayList<>();
        var stalledSubscriber = new reactor.core.publisher.BaseSubscriber<StoryUpdate>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(StoryUpdate update) {
                taken.add(update);
            }

            @Override
            protected void hookOnError(Throwable error) {
                ended.set(error);
            }
        };
        stalled.updates().subscribe(stalledSubscriber);
        List<StoryUpdate> reading = watch("s1");

        for (int i = 0; i < BUFFER + 3; i++) {
            index.emit(WatchStory.class, watch -> "s1".equals(watch.storyId()), update("s1", "u" + i));
        }

        assertThat(reading).hasSize(BUFFER + 3);
        assertThat(index.watchers("s1")).as("the stalled watcher left the index").isEqualTo(1);
        assertThat(taken).hasSize(1);
        assertThat(ended.get()).isNull();

        stalledSubscriber.request(Long.MAX_VALUE);
        assertThat(taken).as("what it had taken plus its buffer").hasSize(1 + BUFFER);
        assertThat(ended.get()).isInstanceOf(WatcherTooSlow.class).hasMessageContaining("s1");
    }

    @Test
    void otherSubscriptionQueriesAreLeftToAxonsEmitter() {
        SubscriptionQueryResult<String, String> other = gateway.subscriptionQuery("other", "q", String.class, String.class);
        List<String> received = new CopyOnWriteArrayList<>();
        other.updates().subscribe(received::add);

        index.emit(String.class, query -> true, "news");

        assertThat(received).containsExactly("news");
        assertThat(index.watchers("q")).isZero();
    }

    private List<StoryUpdate> watch(String storyId) {
        List<StoryUpdate> received = new CopyOnWriteArrayList<>();
        gateway.subscriptionQuery(new WatchStory(storyId, Actor.system()), StoryView.class, StoryUpdate.class)
                .updates().timeout(Duration.ofMinutes(1)).subscribe(received::add, error -> { });
        return received;
    }

    private static StoryUpdate update(String storyId, String chunk) {
        return new StoryUpdate(storyId, StoryUpdateKind.NARRATION_PROGRESS, null, "r1", chunk, null);
    }
}
