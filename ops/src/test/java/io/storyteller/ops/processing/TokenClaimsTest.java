package io.storyteller.ops.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.storyteller.domain.processing.ProcessorSegment;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private static final int[] TWO_SEGMENTS = {0, 1};
    private static final TrackingToken STORED_REPLAY = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(99),
            new GlobalSequenceTrackingToken(19));

    @Test
    void aSegmentClaimedElsewhereIsReadFromItsStoredToken() {
        ProcessorSegment segment = TokenClaims.segment(new TokenClaims.Claim(1, "node-2", STORED_REPLAY), TWO_SEGMENTS, null);

        assertThat(segment).isEqualTo(new ProcessorSegment(1, 1, "node-2", false, 19L, true, 0.2, null));
    }

    @Test
    void aSegmentClaimedHereTakesItsTrackersPositionAndStaysReplayingWhileItsStoredTokenIsAReplays() {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isReplaying()).thenReturn(false);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(49));
        when(status.getResetPosition()).thenReturn(OptionalLong.of(99));

        ProcessorSegment segment = TokenClaims.segment(new TokenClaims.Claim(0, "node-1", STORED_REPLAY), TWO_SEGMENTS, status);

        assertThat(segment).isEqualTo(new ProcessorSegment(0, 1, "node-1", true, 49L, true, 0.5, null));
    }

    @Test
    void aSegmentWhoseTrackerPassedItsResetHasDoneItsReplayWhileItsStoredTokenIsABatchBehind() {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isReplaying()).thenReturn(false);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(104));
        when(status.getResetPosition()).thenReturn(OptionalLong.empty());

        ProcessorSegment segment = TokenClaims.segment(new TokenClaims.Claim(0, "node-1", STORED_REPLAY), TWO_SEGMENTS, status);

        assertThat(segment).as("not the stored token's 0.2").isEqualTo(new ProcessorSegment(0, 1, "node-1", true, 104L, true, 1.0, null));
    }

    @Test
    void aSegmentPastItsReplayIsNotReplaying() {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(120));
        when(status.getResetPosition()).thenReturn(OptionalLong.empty());
        when(status.isErrorState()).thenReturn(true);
        when(status.getError()).thenReturn(new IllegalStateException("boom"));

        ProcessorSegment segment = TokenClaims.segment(new TokenClaims.Claim(0, "node-1", new GlobalSequenceTrackingToken(110)),
                new int[] {0}, status);

        assertThat(segment).isEqualTo(new ProcessorSegment(0, 0, "node-1", true, 120L, false, null, "IllegalStateException"));
    }
}
