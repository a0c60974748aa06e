package io.storyteller.ops.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void theWaitDoublesWithEachTryFromTheInitialOne() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void theWaitStopsAtTheCapAndNeverOverflows() {
        assertThat(backoff.after(6)).as("64 min is past the hour").isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(63)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCapEqualToTheInitialWaitKeepsItConstant() {
        Backoff flat = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(flat.after(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(flat.after(3)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void settingsWhoseCapIsBelowTheInitialWaitAreRefusedNamingThem() {
        assertThatThrownBy(() -> new HealingProperties.DeadLetters(true, Duration.ofHours(2), Duration.ofHours(1), 8,
                Duration.ofSeconds(30))).hasMessageContaining("storyteller.healing.dead-letters.initial-backoff");
        assertThatThrownBy(() -> new HealingProperties.DeadLetters(true, Duration.ofMinutes(1), Duration.ofHours(1), 0,
                Duration.ofSeconds(30))).hasMessageContaining("storyteller.healing.dead-letters.max-attempts");
    }
}
