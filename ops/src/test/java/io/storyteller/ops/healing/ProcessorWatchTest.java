package io.storyteller.ops.healing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.healing.ProcessorWatch.Seen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessorWatchTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Seen RUNNING = new Seen("worlds", true, false);
    static final Seen IN_ERROR = new Seen("worlds", true, true);
    static final Seen STOPPED = new Seen("worlds", false, false);

    final ProcessorWatch watch = new ProcessorWatch(Duration.ofMinutes(2),
            new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30)));

    @Test
    void aProcessorInErrorIsRestartedOnlyOnceItHasBeenInErrorLongerThanTheThreshold() {
        assertThat(check(RUNNING, T0)).isEmpty();
        assertThat(check(IN_ERROR, T0.plusSeconds(10))).isEmpty();
        assertThat(check(IN_ERROR, T0.plusSeconds(129))).as("in error for 1 min 59 s").isEmpty();
        assertThat(check(IN_ERROR, T0.plusSeconds(130))).containsExactly("worlds");
    }

    @Test
    void aProcessorThatRecoversOnItsOwnIsLeftAlone() {
        check(IN_ERROR, T0);
        check(RUNNING, T0.plusSeconds(60));
        assertThat(check(IN_ERROR, T0.plusSeconds(130))).as("its trouble started again at 130 s").isEmpty();
    }

    @Test
    void aProcessorStoppedAfterItRanIsRestartedButOneThatNeverRanIsNot() {
        assertThat(check(STOPPED, T0)).isEmpty();
        assertThat(check(STOPPED, T0.plus(Duration.ofHours(1)))).as("never ran: not started by configuration").isEmpty();

        ProcessorWatch other = new ProcessorWatch(Duration.ofMinutes(2), new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30)));
        other.toRestart(List.of(RUNNING), Set.of(), T0);
        other.toRestart(List.of(STOPPED), Set.of(), T0.plusSeconds(1));
        assertThat(other.toRestart(List.of(STOPPED), Set.of(), T0.plusSeconds(121))).containsExactly("worlds");
    }

    @Test
    void aProcessorHeldByAnOperatorsResetIsNeverTakenForStuck() {
        check(RUNNING, T0);
        watch.toRestart(List.of(STOPPED), Set.of("worlds"), T0.plusSeconds(1));
        assertThat(watch.toRestart(List.of(STOPPED), Set.of("worlds"), T0.plusSeconds(600))).isEmpty();
        assertThat(check(STOPPED, T0.plusSeconds(601))).as("the hold ended: its time starts now").isEmpty();
        assertThat(check(STOPPED, T0.plusSeconds(721))).containsExactly("worlds");
    }

    @Test
    void restartsOfOneProcessorAreSpacedByAGrowingBackoffThatStartsOverOnceItRunsWell() {
        check(IN_ERROR, T0);
        Instant first = T0.plusSeconds(120);
        assertThat(check(IN_ERROR, first)).containsExactly("worlds");
        watch.restarted("worlds", first);

        assertThat(check(IN_ERROR, first.plusSeconds(59))).as("1 min after the first restart").isEmpty();
        Instant second = first.plusSeconds(60);
        assertThat(check(IN_ERROR, second)).containsExactly("worlds");
        watch.restarted("worlds", second);

        assertThat(check(IN_ERROR, second.plusSeconds(119))).as("2 min after the second").isEmpty();
        Instant third = second.plusSeconds(120);
        assertThat(check(IN_ERROR, third)).containsExactly("worlds");
        watch.restarted("worlds", third);
        assertThat(watch.restarts("worlds")).isEqualTo(3);

        check(RUNNING, third.plusSeconds(1));
        check(RUNNING, third.plusSeconds(130));
        assertThat(watch.restarts("worlds")).as("ran well for the threshold").isZero();
    }

    private List<String> check(Seen seen, Instant at) {
        return watch.toRestart(List.of(seen), Set.of(), at);
    }
}
