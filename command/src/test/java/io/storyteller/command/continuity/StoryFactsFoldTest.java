package io.storyteller.command.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactCorrected;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.domain.story.StoryStarted;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryFactsFoldTest {

    private static final StoryFact DEAD = new StoryFact("death", "Hobb", "alive", "dead", 1, "Hobb died.");

    @Test
    void recordedFactsStandUntilPinnedOrCorrectedAndEngineKeysMatchDomainKeys() {
        StoryFact ring = new StoryFact("possession", "player", "has ring", "parted", 2, "I give my ring away.");
        List<Fact> facts = StoryFactsFold.fold(List.of(new StoryStarted("s", "w", "t", "o"),
                new StoryFactsRecorded("s", "b1", List.of(DEAD)),
                new StoryFactPinned("s", ring.key(), ring, "o"),
                new StoryFactCorrected("s", DEAD.key(), "dead", "alive", "o")));

        assertThat(facts).extracting(Fact::entity, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Hobb", "alive"),
                        org.assertj.core.groups.Tuple.tuple("player", "parted"));
        assertThat(facts.getFirst().key()).isEqualTo(DEAD.key());
    }

    @Test
    void aCorrectedDeathNoLongerContradicts() {
        List<StoryLine> story = List.of(StoryLine.narration("Sheriff Hobb was shot and died in the street."));
        ContinuityCheck check = new ContinuityCheck();
        List<Fact> read = check.storyFacts(List.of(), story);
        Fact death = read.stream().filter(f -> f.kind() == ContinuityKind.DEATH).findFirst().orElseThrow();
        List<Fact> corrected = StoryFactsFold.fold(List.of(
                new StoryFactsRecorded("s", "b1", read.stream().map(StoryFactsFold::toStoryFact).toList()),
                new StoryFactCorrected("s", death.key(), "dead", "alive", "o")));

        assertThat(check.check(List.of(), story, read, "Hobb raises his glass.").consistent()).isFalse();
        assertThat(check.check(List.of(), story, corrected, "Hobb raises his glass.").consistent()).isTrue();
    }
}
