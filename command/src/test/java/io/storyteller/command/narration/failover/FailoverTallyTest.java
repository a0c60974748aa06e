package io.storyteller.command.narration.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.narration.failover.FailoverTally.Report;
import io.storyteller.domain.healing.HealingOutcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailoverTallyTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    final FailoverTally tally = new FailoverTally(Duration.ofMinutes(1));

    @Test
    void theFirstFailoverOfANarratorIsRecordedAtOnce() {
        assertThat(tally.note("canary", HealingOutcome.HEALED, "stable answered", T0))
                .contains(new Report("canary", HealingOutcome.HEALED, "stable answered", 1));
        assertThat(tally.due(T0.plusSeconds(61))).as("nothing more to record").isEmpty();
    }

    @Test
    void theFailoversOfAnOutageAreRecordedOncePerWindowWithTheirCount() {
        tally.note("canary", HealingOutcome.HEALED, "stable answered", T0);
        for (int i = 1; i <= 41; i++) {
            assertThat(tally.note("canary", HealingOutcome.HEALED, "stable answered " + i, T0.plusSeconds(i))).isEmpty();
        }

        assertThat(tally.due(T0.plusSeconds(59))).as("the window is still open").isEmpty();
        assertThat(tally.due(T0.plusSeconds(60))).containsExactly(new Report("canary", HealingOutcome.HEALED, "stable answered 41", 41));
        assertThat(tally.note("canary", HealingOutcome.HEALED, "stable answered", T0.plusSeconds(70))).as("a new window")
                .contains(new Report("canary", HealingOutcome.HEALED, "stable answered", 1));
    }

    @Test
    void aWindowThatPassedUnflushedIsRecordedByTheNextFailoverWhichItselfWaits() {
        tally.note("canary", HealingOutcome.HEALED, "a", T0);
        tally.note("canary", HealingOutcome.HEALED, "b", T0.plusSeconds(10));

        assertThat(tally.note("canary", HealingOutcome.HEALED, "c", T0.plusSeconds(90)))
                .contains(new Report("canary", HealingOutcome.HEALED, "b", 1));
        assertThat(tally.due(T0.plusSeconds(150))).containsExactly(new Report("canary", HealingOutcome.HEALED, "c", 1));
    }

    @Test
    void narratorsAndOutcomesAreCountedApart() {
        assertThat(tally.note("canary", HealingOutcome.HEALED, "x", T0)).isPresent();
        assertThat(tally.note("stable", HealingOutcome.HEALED, "x", T0)).isPresent();
        assertThat(tally.note("canary", HealingOutcome.FAILED, "x", T0)).isPresent();
    }
}
