package io.storyteller.ops.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class ReplayShareTest {

    private static final TrackingToken AT_RESET = new GlobalSequenceTrackingToken(99);

    @Test
    void aReplayFromTheStartHasDoneNothingBeforeItsFirstEvent() {
        assertThat(ReplayShare.of(ReplayToken.createReplayToken(AT_RESET))).isEqualTo(0.0);
    }

    @Test
    void aReplayingSegmentHasDoneItsPositionsShareOfThePositionAtTheReset() {
        TrackingToken replay = ReplayToken.createReplayToken(AT_RESET, new GlobalSequenceTrackingToken(49));
        assertThat(ReplayShare.of(replay)).isEqualTo(0.5);
        assertThat(ReplayShare.of(((ReplayToken) replay).advancedTo(new GlobalSequenceTrackingToken(99)))).isEqualTo(1.0);
    }

    @Test
    void aTokenThatIsNotReplayingHasNoShare() {
        assertThat(ReplayShare.of(new GlobalSequenceTrackingToken(5))).isNull();
        assertThat(ReplayShare.of(null)).isNull();
        TrackingToken finished = ((ReplayToken) ReplayToken.createReplayToken(AT_RESET, new GlobalSequenceTrackingToken(98)))
                .advancedTo(new GlobalSequenceTrackingToken(100));
        assertThat(ReplayShare.of(finished)).as("past the reset the replay is over").isNull();
    }

    @Test
    void anEventThatFillsAGapOfTheTokenAtTheResetLeavesTheSegmentReplaying() {
        TrackingToken reset = GapAwareTrackingToken.newInstance(10, Set.of(5L));
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(reset, GapAwareTrackingToken.newInstance(4, Set.of()));
        TrackingToken filled = replay.advancedTo(GapAwareTrackingToken.newInstance(5, Set.of()));

        assertThat(ReplayToken.isReplay(filled)).as("Axon: this event was not a replayed one").isFalse();
        assertThat(ReplayShare.replaying(filled)).as("but the replay goes on").isTrue();
        assertThat(ReplayShare.of(filled)).isBetween(0.5, 0.6);
    }

    @Test
    void theSlowestReplayingSegmentSpeaksForTheProcessor() {
        assertThat(ReplayShare.slowest(Arrays.asList(0.9, null, 0.25))).isEqualTo(0.25);
        assertThat(ReplayShare.slowest(Arrays.asList(null, null))).isNull();
    }
}
