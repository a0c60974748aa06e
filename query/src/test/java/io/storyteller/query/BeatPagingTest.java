package io.storyteller.query;

import static io.storyteller.query.SamplePlatform.PIA;
import static io.storyteller.query.SamplePlatform.action;
import static io.storyteller.query.SamplePlatform.narration;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.FindRecentBeats;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.query.story.BeatQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging over s5 (120 beats: 60 actions, each narrated), s6 (with an erase) and s1's five beats. */
class BeatPagingTest {

    static ReadModelDatabase db;
    static BeatQueries beats;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        EventLog log = SamplePlatform.events();
        log.story("s5", new StoryStarted("s5", "w1", "A long tale", "pia"));
        for (int turn = 1; turn <= 60; turn++) {
            log.story("s5", action("s5", "a" + turn, "pia"), narration("s5", "a" + turn, "n" + turn));
        }
        log.story("s6", new StoryStarted("s6", "w1", "Second thoughts", "pia"),
                action("s6", "a1", "pia"), narration("s6", "a1", "n1"),
                action("s6", "a2", "pia"), narration("s6", "a2", "n2"), action("s6", "a3", "pia"),
                new BeatsErased("s6", List.of("a2", "n2", "a3"), "pia"),
                action("s6", "a4", "pia"), narration("s6", "a4", "n4"));
        log.deliver(SamplePlatform.projections(db, SimpleQueryUpdateEmitter.builder().build()));
        beats = new BeatQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void theFirstPageStartsAtPositionOne() {
        BeatPage page = beats.handle(new FindBeats("s5", PIA, 0, 10));
        assertThat(positions(page)).containsExactlyElementsOf(range(1, 10));
        assertThat(page.beats().getFirst().beatId()).isEqualTo("a1");
        assertThat(page.beats().get(1).provenance()).isNotNull();
        assertPage(page, false, true, 120);
    }

    @Test
    void aPageIsCappedAtOneHundredBeats() {
        BeatPage page = beats.handle(new FindBeats("s5", PIA, 0, 500));
        assertThat(positions(page)).containsExactlyElementsOf(range(1, 100));
        assertPage(page, false, true, 120);
    }

    @Test
    void theLastPageHasNoNextPage() {
        BeatPage page = beats.handle(new FindBeats("s5", PIA, 100, 100));
        assertThat(positions(page)).containsExactlyElementsOf(range(101, 120));
        assertPage(page, true, false, 120);
        assertPage(beats.handle(new FindBeats("s5", PIA, 110, 10)), true, false, 120);
    }

    @Test
    void afterTheEndThereIsNothingButWhatCameBefore() {
        BeatPage page = beats.handle(new FindBeats("s5", PIA, 120, 10));
        assertThat(page.beats()).isEmpty();
        assertPage(page, true, false, 120);
        assertPage(beats.handle(new FindBeats("s5", PIA, 500, 10)), true, false, 120);
    }

    @Test
    void outOfRangeArgumentsAreClamped() {
        BeatPage fromBefore = beats.handle(new FindBeats("s5", PIA, -5, 3));
        assertThat(positions(fromBefore)).containsExactly(1, 2, 3);
        assertPage(fromBefore, false, true, 120);

        BeatPage none = beats.handle(new FindBeats("s5", PIA, 10, -1));
        assertThat(none.beats()).isEmpty();
        assertPage(none, true, true, 120);
    }

    @Test
    void recentBeatsAreTheLastOnesOldestFirst() {
        BeatPage recent = beats.handle(new FindRecentBeats("s5", PIA, 10));
        assertThat(positions(recent)).containsExactlyElementsOf(range(111, 120));
        assertThat(recent.beats().getLast().beatId()).isEqualTo("n60");
        assertPage(recent, true, false, 120);

        assertThat(positions(beats.handle(new FindRecentBeats("s5", PIA, 1000)))).containsExactlyElementsOf(range(21, 120));

        BeatPage whole = beats.handle(new FindRecentBeats("s1", PIA, 10));
        assertThat(positions(whole)).containsExactly(1, 2, 3, 4, 5);
        assertPage(whole, false, false, 5);
    }

    @Test
    void positionsStayContiguousAfterAnErase() {
        BeatPage page = beats.handle(new FindBeats("s6", PIA, 0, 10));
        assertThat(page.beats()).extracting(b -> b.position() + ":" + b.beatId())
                .containsExactly("1:a1", "2:n1", "3:a4", "4:n4");
        assertPage(page, false, false, 4);
    }

    private static void assertPage(BeatPage page, boolean hasPrevious, boolean hasNext, int total) {
        assertThat(page.hasPreviousPage()).as("hasPreviousPage").isEqualTo(hasPrevious);
        assertThat(page.hasNextPage()).as("hasNextPage").isEqualTo(hasNext);
        assertThat(page.totalCount()).as("totalCount").isEqualTo(total);
    }

    private static List<Integer> positions(BeatPage page) {
        return new ArrayList<>(page.beats().stream().map(BeatView::position).toList());
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
