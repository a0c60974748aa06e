package io.storyteller.ops.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.ops.e2e.EndToEnd;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Two relays on the application's database, as two instances would run them: what one emits for a
 * live query reaches the other's subscribers that want it (a long update by reference), never its
 * own twice, and a commit notice wakes the other.
 */
@EndToEnd
class LiveRelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer serializer;

    private LiveRelay here;
    private LiveRelay there;
    private QueryUpdateEmitter emittedHere;
    private final SimpleQueryUpdateEmitter localThere = SimpleQueryUpdateEmitter.builder().build();
    private final SimpleQueryUpdateEmitter localHere = SimpleQueryUpdateEmitter.builder().build();

    @BeforeEach
    void start() {
        Peers bothAlive = new Peers();
        bothAlive.seen(2);
        here = new LiveRelay(dataSource, serializer, "relay-test-here", bothAlive);
        there = new LiveRelay(dataSource, serializer, "relay-test-there", bothAlive);
        emittedHere = here.around(localHere);
        there.around(localThere);
        here.start();
        there.start();
    }

    @AfterEach
    void stop() {
        here.stop();
        there.stop();
    }

    @Test
    void anUpdateEmittedOnOneInstanceReachesTheWatchersOfItsStoryOnTheOther() {
        List<Object> watcherThere = watch(localThere, "story-a");
        List<Object> otherStoryThere = watch(localThere, "story-b");
        List<Object> watcherHere = watch(localHere, "story-a");
        String longText = "The lamps burn low along the quay. ".repeat(600); // past a notification's 8000 bytes

        await("the relays listening").atMost(PATIENCE).until(() -> {
            emittedHere.emit(WatchStory.class, q -> q.wants(update("story-a", "ping")), update("story-a", "ping"));
            return !watcherThere.isEmpty();
        });
        emittedHere.emit(WatchStory.class, q -> q.wants(update("story-a", "short")), update("story-a", "short"));
        emittedHere.emit(WatchStory.class, q -> q.wants(update("story-a", longText)), update("story-a", longText));

        await("both updates relayed").atMost(PATIENCE).until(() -> chunks(watcherThere).contains(longText));
        List<String> relayed = chunks(watcherThere).stream().filter(c -> !c.equals("ping")).toList();
        assertThat(relayed).as("in the order emitted").containsExactly("short", longText);
        assertThat(otherStoryThere).as("a watcher of another story").isEmpty();
        assertThat(chunks(watcherHere).stream().filter(c -> !c.equals("ping")).toList())
                .as("the emitting instance's own watcher, once each").containsExactly("short", longText);
        assertThat(here.received()).as("nothing came back to the emitter from itself").isZero();
    }

    @Test
    void aCommitOnOneInstanceWakesTheOther() {
        AtomicInteger woken = new AtomicInteger();
        there.onOthersCommit(woken::incrementAndGet);
        await("a commit notice relayed").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            here.committed();
            return woken.get() > 0;
        });
    }

    private static StoryUpdate update(String storyId, String chunk) {
        return new StoryUpdate(storyId, StoryUpdateKind.NARRATION_PROGRESS, null, "request-1", chunk, null);
    }

    private static List<Object> watch(SimpleQueryUpdateEmitter emitter, String storyId) {
        List<Object> received = new CopyOnWriteArrayList<>();
        var query = new GenericSubscriptionQueryMessage<>(new WatchStory(storyId, Actor.system()),
                ResponseTypes.instanceOf(Object.class), ResponseTypes.instanceOf(StoryUpdate.class));
        emitter.registerUpdateHandler(query, 1024).getUpdates()
                .map(SubscriptionQueryUpdateMessage::getPayload).subscribe(received::add);
        return received;
    }

    private static List<String> chunks(List<Object> updates) {
        return updates.stream().map(u -> ((StoryUpdate) u).chunk()).toList();
    }
}
