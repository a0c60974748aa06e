package io.storyteller.query;

import static io.storyteller.query.SamplePlatform.OLGA;
import static io.storyteller.query.SamplePlatform.PAUL;
import static io.storyteller.query.SamplePlatform.PIA;
import static io.storyteller.query.SamplePlatform.STRANGER;
import static io.storyteller.query.SamplePlatform.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.FindBeat;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.FindRecentBeats;
import io.storyteller.domain.story.FindStories;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.domain.world.FindLoreEntries;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.FindWorlds;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldView;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.query.story.BeatQueries;
import io.storyteller.query.story.StoryQueries;
import io.storyteller.query.world.LoreQueries;
import io.storyteller.query.world.WorldQueries;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response types the API must ask for, proven through Axon's query bus and gateway, and a
 * story subscription fed by the projections through the bus's update emitter.
 */
class QueryBusContractTest {

    static ReadModelDatabase db;
    static SimpleQueryBus bus;
    static QueryGateway gateway;
    static EventLog log;

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
        bus = SimpleQueryBus.builder().build();
        for (Object handler : List.of(new WorldQueries(db.jdbc()), new LoreQueries(db.jdbc()),
                new StoryQueries(db.jdbc()), new BeatQueries(db.jdbc()))) {
            new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
        }
        gateway = DefaultQueryGateway.builder().queryBus(bus).build();
        log = SamplePlatform.load(db, bus.queryUpdateEmitter());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void worldQueries() {
        List<WorldView> mine = gateway.query(new FindWorlds(PIA), ResponseTypes.multipleInstancesOf(WorldView.class))
                .join();
        Optional<WorldView> w1 = gateway.query(new FindWorld("w1", PIA), ResponseTypes.optionalInstanceOf(WorldView.class))
                .join();
        Optional<WorldView> w2 = gateway.query(new FindWorld("w2", PIA), ResponseTypes.optionalInstanceOf(WorldView.class))
                .join();
        List<LoreEntryView> lore = gateway.query(new FindLoreEntries("w1", PIA, false),
                ResponseTypes.multipleInstancesOf(LoreEntryView.class)).join();

        assertThat(mine).extracting(WorldView::worldId).containsExactly("w1");
        assertThat(w1).isPresent();
        assertThat(w2).isEmpty();
        assertThat(lore).hasSize(1);
    }

    @Test
    void storyAndBeatQueries() {
        Optional<StoryView> story = gateway.query(new FindStory("s1", PIA),
                ResponseTypes.optionalInstanceOf(StoryView.class)).join();
        List<StoryView> stories = gateway.query(new FindStories(PIA, null),
                ResponseTypes.multipleInstancesOf(StoryView.class)).join();
        BeatPage page = gateway.query(new FindBeats("s1", PIA, 0, 2), ResponseTypes.instanceOf(BeatPage.class)).join();
        BeatPage recent = gateway.query(new FindRecentBeats("s1", PIA, 2), ResponseTypes.instanceOf(BeatPage.class))
                .join();

        assertThat(story).isPresent();
        assertThat(stories).hasSize(2);
        assertThat(page.beats()).hasSize(2);
        assertThat(recent.beats()).hasSize(2);
    }

    /** One beat: whoever reads the story reads it; another story's beat, an unknown one or an unreadable story give none. */
    @Test
    void oneBeatOfAStory() {
        assertThat(beat(new FindBeat("s1", "n2", PIA))).map(BeatView::position).contains(4);
        assertThat(beat(new FindBeat("s1", "n2", OLGA))).map(BeatView::text).isPresent();
        assertThat(beat(new FindBeat("s1", "nowhere", PIA))).isEmpty();
        assertThat(beat(new FindBeat("s2", "n2", PAUL))).as("a beat of another story").isEmpty();
        assertThat(beat(new FindBeat("s1", "n2", PAUL))).as("a story Paul may not read").isEmpty();
        assertThat(beat(new FindBeat("s1", "n2", STRANGER))).isEmpty();
    }

    private static Optional<BeatView> beat(FindBeat query) {
        return gateway.query(query, ResponseTypes.optionalInstanceOf(BeatView.class)).join();
    }

    @Test
    void watchingAStoryGivesItsViewThenItsUpdates() {
        SubscriptionQueryResult<StoryView, StoryUpdate> watch = gateway.subscriptionQuery(new WatchStory("s2", PAUL),
                ResponseTypes.instanceOf(StoryView.class), ResponseTypes.instanceOf(StoryUpdate.class));
        try {
            assertThat(watch.initialResult().block(Duration.ofSeconds(5)).storyId()).isEqualTo("s2");

            log.story("s2", action("s2", "p1", "paul"));
            log.deliver(SamplePlatform.projections(db, bus.queryUpdateEmitter()));

            StoryUpdate update = watch.updates().blockFirst(Duration.ofSeconds(5));
            assertThat(update.kind()).isEqualTo(StoryUpdateKind.BEAT_ADDED);
            assertThat(update.beat().beatId()).isEqualTo("p1");
            assertThat(update.beat().position()).isEqualTo(1);
        } finally {
            watch.close();
        }
    }

    @Test
    void theInitialResultMayAlsoBeAskedForAsAnOptional() {
        SubscriptionQueryResult<Optional<StoryView>, StoryUpdate> visible = gateway.subscriptionQuery(
                new WatchStory("s1", PIA), ResponseTypes.optionalInstanceOf(StoryView.class),
                ResponseTypes.instanceOf(StoryUpdate.class));
        SubscriptionQueryResult<Optional<StoryView>, StoryUpdate> invisible = gateway.subscriptionQuery(
                new WatchStory("s1", PAUL), ResponseTypes.optionalInstanceOf(StoryView.class),
                ResponseTypes.instanceOf(StoryUpdate.class));
        try {
            assertThat(visible.initialResult().block(Duration.ofSeconds(5))).map(StoryView::storyId).contains("s1");
            assertThatThrownBy(() -> invisible.initialResult().block(Duration.ofSeconds(5)))
                    .isInstanceOf(DomainRejection.class);
        } finally {
            visible.close();
            invisible.close();
        }
    }

    @Test
    void watchingAStoryTheViewerMayNotSeeFailsTheInitialResult() {
        SubscriptionQueryResult<StoryView, StoryUpdate> watch = gateway.subscriptionQuery(new WatchStory("s1", PAUL),
                ResponseTypes.instanceOf(StoryView.class), ResponseTypes.instanceOf(StoryUpdate.class));
        try {
            assertThatThrownBy(() -> watch.initialResult().block(Duration.ofSeconds(5)))
                    .isInstanceOf(DomainRejection.class);
        } finally {
            watch.close();
        }
    }
}
