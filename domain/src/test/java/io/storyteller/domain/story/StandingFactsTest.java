package io.storyteller.domain.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandingFactsTest {

    private static final String S = "s1";

    private static StoryFact tower(String value, int beat) {
        return new StoryFact("destroyed-place", "the Bell Tower", "standing", value, beat, "The tower is " + value + ".");
    }

    private static final StoryFact RING = new StoryFact("possession", "player", "has ring", "parted", 1, "I give my ring away.");

    @Test
    void aLaterBeatsReadingReplacesAnEarlierOnesAndNotTheOtherWayRound() {
        StandingFacts standing = StandingFacts.of(List.of(
                new StoryFactsRecorded(S, "n2", List.of(tower("destroyed", 2))),
                new StoryFactsRecorded(S, "n4", List.of(tower("rebuilt", 4))),
                // n2 edited and read again: the later n4 still decides
                new StoryFactsRecorded(S, "n2", List.of(tower("destroyed", 2), RING))));

        assertThat(standing.facts()).containsExactly(tower("rebuilt", 4), RING);
    }

    @Test
    void aBeatReadAgainTakesBackWhatItNoLongerSays() {
        StandingFacts standing = StandingFacts.of(List.of(
                new StoryFactsRecorded(S, "a1", List.of(RING)),
                new StoryFactsRecorded(S, "a1", List.of())));

        assertThat(standing.facts()).isEmpty();
    }

    @Test
    void erasedBeatsTakeTheirFactsWithThemButNotWhatAPersonHolds() {
        StoryFact pinned = new StoryFact("death", "Bertel", "alive", "dead", 3, "");
        StandingFacts standing = StandingFacts.of(List.of(
                new StoryFactsRecorded(S, "a1", List.of(RING)),
                new StoryFactsRecorded(S, "n2", List.of(tower("destroyed", 2))),
                new StoryFactCorrected(S, tower("destroyed", 2).key(), "destroyed", "cracked", "olivia"),
                new StoryFactPinned(S, pinned.key(), pinned, "olivia"),
                new BeatsErased(S, List.of("n2", "a1"), "olivia")));

        assertThat(standing.facts()).containsExactly(tower("destroyed", 2).withValue("cracked"), pinned);
    }

    @Test
    void aHeldKeyIsNotReplacedByAReading() {
        StandingFacts standing = StandingFacts.of(List.of(
                new StoryFactPinned(S, tower("standing", 1).key(), tower("standing", 1), "olivia"),
                new StoryFactsRecorded(S, "n5", List.of(tower("destroyed", 5)))));

        assertThat(standing.facts()).containsExactly(tower("standing", 1));
        assertThat(standing.held(tower("standing", 1).key())).isTrue();
    }
}
