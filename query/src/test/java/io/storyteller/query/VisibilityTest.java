package io.storyteller.query;

import static io.storyteller.query.SamplePlatform.ADAM;
import static io.storyteller.query.SamplePlatform.NINA;
import static io.storyteller.query.SamplePlatform.OLGA;
import static io.storyteller.query.SamplePlatform.PAUL;
import static io.storyteller.query.SamplePlatform.PIA;
import static io.storyteller.query.SamplePlatform.ROOT;
import static io.storyteller.query.SamplePlatform.STRANGER;
import static io.storyteller.query.SamplePlatform.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.FindRecentBeats;
import io.storyteller.domain.story.FindStories;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.domain.world.FindLoreEntries;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.FindWorlds;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldView;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.query.story.BeatQueries;
import io.storyteller.query.story.StoryQueries;
import io.storyteller.query.world.LoreQueries;
import io.storyteller.query.world.WorldQueries;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The read rules, viewer by viewer, over {@link SamplePlatform}. */
class VisibilityTest {

    static ReadModelDatabase db;
    static WorldQueries worlds;
    static LoreQueries lore;
    static StoryQueries stories;
    static BeatQueries beats;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        SamplePlatform.load(db, SimpleQueryUpdateEmitter.builder().build());
        worlds = new WorldQueries(db.jdbc());
        lore = new LoreQueries(db.jdbc());
        stories = new StoryQueries(db.jdbc());
        beats = new BeatQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    static Stream<Arguments> worldsByViewer() {
        return Stream.of(
                Arguments.of(ROOT, new String[] {"w1", "w2"}),
                Arguments.of(SYSTEM, new String[] {"w1", "w2"}),
                Arguments.of(OLGA, new String[] {"w1"}),
                Arguments.of(ADAM, new String[] {"w1"}),
                Arguments.of(PIA, new String[] {"w1"}),
                Arguments.of(NINA, new String[] {"w2"}),
                Arguments.of(STRANGER, new String[] {}));
    }

    @ParameterizedTest
    @MethodSource("worldsByViewer")
    void aWorldIsVisibleToItsMembersAndPlatformAdmins(Actor viewer, String[] visible) {
        assertThat(worlds.handle(new FindWorlds(viewer))).extracting(WorldView::worldId).containsExactly(visible);
        assertThat(worlds.handle(new FindWorld("w1", viewer)).isPresent())
                .isEqualTo(List.of(visible).contains("w1"));
        assertThat(lore.handle(new FindLoreEntries("w1", viewer, true)).isEmpty())
                .isEqualTo(!List.of(visible).contains("w1"));
    }

    @Test
    void aWorldShowsItsSettingsAndMembersInJoiningOrder() {
        WorldView world = worlds.handle(new FindWorld("w1", PIA)).orElseThrow();
        assertThat(world.settings().name()).isEqualTo("Eldoria");
        assertThat(world.ownerId()).isEqualTo("olga");
        assertThat(world.members()).extracting(m -> m.userId() + ":" + m.role())
                .containsExactly("olga:OWNER", "adam:ADMIN", "pia:PLAYER", "paul:PLAYER");
        assertThat(world.createdAt()).isNotNull();
    }

    @Test
    void loreHidesRetiredEntriesUnlessAskedAndPutsHigherPriorityFirst() {
        assertThat(lore.handle(new FindLoreEntries("w1", PIA, false))).extracting(LoreEntryView::loreEntryId)
                .containsExactly("l1");
        assertThat(lore.handle(new FindLoreEntries("w1", PIA, true))).extracting(LoreEntryView::loreEntryId)
                .containsExactly("l2", "l1");
        assertThat(lore.handle(new FindLoreEntries("w1", PIA, true)).getFirst().retired()).isTrue();
        assertThat(lore.handle(new FindLoreEntries("nowhere", ROOT, true))).isEmpty();
    }

    static Stream<Arguments> storiesByViewer() {
        return Stream.of(
                Arguments.of(ROOT, new String[] {"s1", "s2", "s3", "s4"}),
                Arguments.of(SYSTEM, new String[] {"s1", "s2", "s3", "s4"}),
                Arguments.of(OLGA, new String[] {"s1", "s2", "s4"}),   // world owner: moderation
                Arguments.of(ADAM, new String[] {"s1", "s2", "s4"}),   // world admin: moderation
                Arguments.of(PIA, new String[] {"s1", "s4"}),          // her own and the one she was invited to
                Arguments.of(PAUL, new String[] {"s2", "s4"}),         // never pia's
                Arguments.of(NINA, new String[] {"s3"}),               // owns w2 only
                Arguments.of(STRANGER, new String[] {}));
    }

    @ParameterizedTest
    @MethodSource("storiesByViewer")
    void aStoryIsVisibleToItsParticipantsAndItsWorldsOwnerAndAdmins(Actor viewer, String[] visible) {
        assertThat(stories.handle(new FindStories(viewer, null))).extracting(StoryView::storyId)
                .containsExactlyInAnyOrder(visible);
        for (String storyId : new String[] {"s1", "s2", "s3", "s4"}) {
            boolean expected = List.of(visible).contains(storyId);
            assertThat(stories.handle(new FindStory(storyId, viewer)).isPresent()).as(storyId).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("storiesByViewer")
    void beatsOfAnInvisibleStoryDoNotLeak(Actor viewer, String[] visible) {
        boolean seesS1 = List.of(visible).contains("s1");
        BeatPage page = beats.handle(new FindBeats("s1", viewer, 0, 10));
        BeatPage recent = beats.handle(new FindRecentBeats("s1", viewer, 10));
        assertThat(page.beats()).hasSize(seesS1 ? 5 : 0);
        assertThat(page.totalCount()).isEqualTo(seesS1 ? 5 : 0);
        assertThat(recent.beats()).hasSize(seesS1 ? 5 : 0);
        assertThat(page.hasNextPage() || page.hasPreviousPage() || recent.hasPreviousPage()).isFalse();
    }

    @Test
    void aMissingStoryAnswersExactlyLikeAnInvisibleOne() {
        assertThat(stories.handle(new FindStory("nope", PAUL))).isEqualTo(stories.handle(new FindStory("s1", PAUL)));
        assertThat(beats.handle(new FindBeats("nope", PAUL, 0, 10)))
                .isEqualTo(beats.handle(new FindBeats("s1", PAUL, 0, 10)));
    }

    @Test
    void storiesCanBeNarrowedToOneWorld() {
        assertThat(stories.handle(new FindStories(ROOT, "w2"))).extracting(StoryView::storyId).containsExactly("s3");
        assertThat(stories.handle(new FindStories(PIA, "w2"))).isEmpty();
        assertThat(stories.handle(new FindStories(PIA, "w1"))).extracting(StoryView::storyId)
                .containsExactly("s4", "s1"); // most recently active first
    }

    @Test
    void aStoryShowsItsParticipantsAndState() {
        StoryView party = stories.handle(new FindStory("s4", PIA)).orElseThrow();
        assertThat(party.participants()).containsExactly("paul", "pia");
        assertThat(party.ownerId()).isEqualTo("paul");
        StoryView quest = stories.handle(new FindStory("s1", PIA)).orElseThrow();
        assertThat(quest.beatCount()).isEqualTo(5);
        assertThat(quest.narrationPending()).isTrue();
        assertThat(quest.startedAt()).isBefore(quest.updatedAt());
    }

    @Test
    void watchingAStoryTheViewerMayNotSeeIsRejectedAsNotFound() {
        assertThat(stories.handle(new WatchStory("s1", ADAM)).storyId()).isEqualTo("s1");
        for (String storyId : new String[] {"s1", "missing"}) {
            assertThatThrownBy(() -> stories.handle(new WatchStory(storyId, PAUL)))
                    .isInstanceOfSatisfying(DomainRejection.class,
                            e -> assertThat(e.violation().kind()).isEqualTo(RejectionKind.NOT_FOUND));
        }
    }

    @Test
    void aQueryWithoutViewerSeesNothing() {
        assertThat(worlds.handle(new FindWorlds(null))).isEmpty();
        assertThat(stories.handle(new FindStories(null, null))).isEmpty();
        assertThat(beats.handle(new FindBeats("s1", null, 0, 10)).beats()).isEmpty();
    }
}
