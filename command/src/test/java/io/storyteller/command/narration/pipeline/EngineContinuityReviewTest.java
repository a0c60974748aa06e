package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.command.narration.context.Lorebook;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineContinuityReviewTest {

    final EngineContinuityReview review = new EngineContinuityReview(new ContinuityCheck());

    @Test
    void aCandidateBringingBackTheDeadContradictsTheLoreEntryThatToldTheDeath() {
        TurnGround ground = ground(List.of(new ActiveLore("l-king", new LoreContent("The old king",
                List.of("Aldric"), "King Aldric died of fever last winter; his daughter Senna rules now.", "history", 0,
                false))), List.of("> I enter the throne room."), List.of());

        ContinuityFindings living = review.check(ground, "King Aldric rises from his throne and greets you warmly.");
        ContinuityFindings mourning = review.check(ground, "Queen Senna looks up from the petitions on her father's throne.");

        assertThat(living.contradictions()).isNotEmpty();
        assertThat(living.contradictions().getFirst().source()).isEqualTo("l-king");
        assertThat(mourning.contradictions()).isEmpty();
    }

    @Test
    void aWorldsLoreFactsAreReadAgainOnceItsLoreChanges() {
        List<String> lines = List.of("> I enter the throne room.");
        ActiveLore death = new ActiveLore("l-king", new LoreContent("The old king", List.of("Aldric"),
                "King Aldric died of fever last winter; his daughter Senna rules now.", "history", 0, false));
        ActiveLore revised = new ActiveLore("l-king", new LoreContent("The old king", List.of("Aldric"),
                "King Aldric recovered from his fever last winter and still rules.", "history", 0, false));
        String candidate = "King Aldric rises from his throne and greets you warmly.";

        ContinuityFindings before = review.check(ground(List.of(death), lines, List.of()), candidate);
        ContinuityFindings after = review.check(ground(List.of(revised), lines, List.of()), candidate);
        ContinuityFindings elsewhere = review.check(new TurnGround("w-2", "s-2", ContentRating.TEEN, List.of(death), lines,
                lines.getLast(), List.of()), candidate);

        assertThat(before.contradictions()).isNotEmpty();
        assertThat(after.contradictions()).isEmpty();
        assertThat(elsewhere.contradictions()).isNotEmpty();
    }

    @Test
    void theStorysRecordedFactsCountBeyondTheRecentBeats() {
        StoryFactsRecorded recorded = new StoryFactsRecorded("s-1", "n-3", List.of(new StoryFact("death", "Brannoc",
                "alive", "dead", 3, "Brannoc the smith died in the fire.")));
        TurnGround ground = ground(List.of(), List.of("> I walk to the forge."), List.of(recorded));

        ContinuityFindings findings = review.check(ground, "Brannoc looks up from his anvil and waves you in.");

        assertThat(findings.contradictions()).extracting(c -> c.kind()).contains("death");
    }

    @Test
    void loreTheNarratorWasNotGivenCountsOnceTheCandidateNamesItByAKey() {
        ActiveLore death = new ActiveLore("l-king", new LoreContent("The old king", List.of("Aldric"),
                "King Aldric died of fever last winter; his daughter Senna rules now.", "history", 0, false));
        ActiveLore harbour = new ActiveLore("l-harbour", new LoreContent("Vell Harbour", List.of("Vell Harbour"),
                "Vell Harbour burned to the waterline in the war.", "places", 0, false));
        List<String> lines = List.of("> I enter the throne room.");
        TurnGround ground = new TurnGround("w-3", "s-3", ContentRating.TEEN, Lorebook.of(List.of(death, harbour)),
                List.of(), lines, lines.getLast(), List.of(), null, 1);
        String candidate = "King Aldric rises from his throne and greets you warmly.";

        assertThat(ground.loreFor(candidate)).extracting(ActiveLore::loreEntryId).containsExactly("l-king");
        assertThat(review.check(ground, candidate).contradictions()).extracting(c -> c.source()).contains("l-king");
        assertThat(review.check(ground, "The throne room is quiet and cold.").contradictions()).isEmpty();
    }

    /** Recorded facts name beats by their place in the whole story; the recent lines are its last ones. */
    @Test
    void aStateRecordedLongBeforeTheRecentBeatsIsUndoneByThem() {
        StoryFactsRecorded blinded = new StoryFactsRecorded("s-4", "a-57", List.of(new StoryFact("physical-state",
                "player", "sight", "blinded", 57, "The flash blinds you.")));
        List<String> lines = List.of("> I wait in the infirmary.", "The healer removes the bandages; your sight is restored.",
                "> I ask for the letter.");
        String candidate = "You read the letter twice by the window.";

        ContinuityFindings late = review.check(new TurnGround("w-4", "s-4", ContentRating.TEEN, Lorebook.of(List.of()),
                List.of(), lines, lines.getLast(), List.of(blinded), null, 103), candidate);
        ContinuityFindings stillBlind = review.check(new TurnGround("w-4", "s-5", ContentRating.TEEN, Lorebook.of(List.of()),
                List.of(), List.of("> I wait in the infirmary.", "> I ask for the letter."), "I ask for the letter.",
                List.of(blinded), null, 103), candidate);

        assertThat(late.contradictions()).isEmpty();
        assertThat(stillBlind.contradictions()).extracting(c -> c.kind()).contains("physical-state");
        assertThat(stillBlind.contradictions()).extracting(c -> c.source()).contains("beat:57");
    }

    /**
     * A beat the story already read is taken as recorded, not read again: here its recorded reading
     * (nothing) stands although its text tells a death; the beat nobody read yet is read.
     */
    @Test
    void onlyTheBeatsTheStoryHasNotReadYetAreReadForFacts() {
        List<String> lines = List.of("The smith Brannoc died in the fire last night.", "> I walk to the forge.");
        StoryFactsRecorded readAsNothing = new StoryFactsRecorded("s-6", "n-1", List.of());
        String candidate = "Brannoc looks up from his anvil and waves you in.";

        ContinuityFindings recorded = review.check(readGround("s-6", lines, List.of("n-1", "a-2"), List.of(readAsNothing)),
                candidate);
        ContinuityFindings unread = review.check(readGround("s-7", lines, List.of("n-1", "a-2"), List.of()), candidate);

        assertThat(recorded.contradictions()).isEmpty();
        assertThat(unread.contradictions()).extracting(c -> c.kind()).contains("death");
        assertThat(unread.contradictions()).extracting(c -> c.source()).contains("beat:1");
    }

    /** A fact a person pinned holds against what a beat not yet recorded seems to say. */
    @Test
    void aPinnedFactHoldsAgainstAnUnreadBeat() {
        StoryFact alive = new StoryFact("death", "Brannoc", "alive", "alive", 1, "");
        List<String> lines = List.of("The smith Brannoc died in the fire last night.", "> I walk to the forge.");
        TurnGround ground = readGround("s-8", lines, List.of("n-1", "a-2"),
                List.of(new StoryFactPinned("s-8", alive.key(), alive, "olivia")));

        assertThat(review.check(ground, "Brannoc looks up from his anvil and waves you in.").contradictions()).isEmpty();
    }

    /** A lore revision's entries are read in the background once the review first meets it, once. */
    @Test
    void aLoreRevisionsEntriesAreReadInTheBackgroundOnce() throws InterruptedException {
        List<ActiveLore> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(new ActiveLore("l-" + i, new LoreContent("Place " + i, List.of("Place " + i),
                    "Place " + i + " burned to the ground in the war.", "places", 0, false)));
        }
        Lorebook lore = Lorebook.of(entries);
        try (EngineContinuityReview fresh = new EngineContinuityReview(new ContinuityCheck())) {
            fresh.check(new TurnGround("w-9", "s-9", ContentRating.TEEN, lore, List.of(), List.of("> I look around."),
                    "I look around.", List.of(), null, 1), "You see the square.");
            long until = System.nanoTime() + 10_000_000_000L;
            while (fresh.entriesRead() < entries.size() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(fresh.entriesRead()).isEqualTo(entries.size());
        }
    }

    private static TurnGround readGround(String storyId, List<String> lines, List<String> beatIds, List<Object> facts) {
        return new TurnGround("w-5", storyId, ContentRating.TEEN, Lorebook.of(List.of()), List.of(), lines, lines.getLast(),
                facts, null, 1, beatIds);
    }

    static TurnGround ground(List<ActiveLore> lore, List<String> lines, List<Object> facts) {
        return new TurnGround("w-1", "s-1", ContentRating.TEEN, lore, lines, lines.getLast(), facts);
    }
}
