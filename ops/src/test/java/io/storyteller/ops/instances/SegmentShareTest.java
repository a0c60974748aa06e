package io.storyteller.ops.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentShareTest {

    @Test
    void theFirstInstanceGivesUpWhatItHoldsBeyondItsShareWhenASecondArrives() {
        assertThat(SegmentShare.toRelease("a", 4, Map.of("a", 4), Set.of("a", "b"))).isEqualTo(2);
        assertThat(SegmentShare.toRelease("a", 2, Map.of("a", 2), Set.of("a", "b"))).isEqualTo(1);
    }

    @Test
    void anOddCountLeavesTheRoundedUpShareWithEach() {
        assertThat(SegmentShare.fair(5, 2)).isEqualTo(3);
        assertThat(SegmentShare.toRelease("a", 5, Map.of("a", 5), Set.of("a", "b"))).isEqualTo(2);
        assertThat(SegmentShare.toRelease("a", 5, Map.of("a", 3, "b", 2), Set.of("a", "b"))).isZero();
    }

    @Test
    void nothingMovesWhenTheOthersHaveTheirShareAlready() {
        // three segments, three instances: each has one, the fourth segment's holder keeps its two
        assertThat(SegmentShare.toRelease("a", 4, Map.of("a", 2, "b", 1, "c", 1), Set.of("a", "b", "c"))).isZero();
    }

    @Test
    void onlyWhatTheOthersLackIsReleased() {
        // 8 segments among 3: share 3; a holds 6, b 2, c 0 → b lacks 1, c lacks 3, a gives 3
        assertThat(SegmentShare.toRelease("a", 8, Map.of("a", 6, "b", 2), Set.of("a", "b", "c"))).isEqualTo(3);
        assertThat(SegmentShare.toRelease("a", 8, Map.of("a", 4, "b", 4), Set.of("a", "b", "c"))).isEqualTo(1);
    }

    @Test
    void anInstanceAloneOrNotRunningTheProcessorKeepsEverything() {
        assertThat(SegmentShare.toRelease("a", 4, Map.of("a", 4), Set.of("a"))).isZero();
        assertThat(SegmentShare.toRelease("a", 4, Map.of("a", 4), Set.of("b", "c"))).isZero();
    }

    @Test
    void claimsOfAnInstanceThatIsGoneDoNotCount() {
        // "gone" still owns two in the table until its claims time out; a and b share what is left
        assertThat(SegmentShare.toRelease("a", 4, Map.of("a", 2, "gone", 2), Set.of("a", "b"))).isZero();
        assertThat(SegmentShare.toRelease("a", 4, Map.of("a", 4), Set.of("a", "b"))).isEqualTo(2);
    }
}
