package io.storyteller.domain.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutStrategyTest {

    private static final Duration INTERVAL = Duration.ofMinutes(30);

    @Test
    void withoutShadowTheStepsAreTheCanarySteps() {
        RolloutStrategy strategy = new RolloutStrategy(null, List.of(5, 25, 50, 100), INTERVAL, 100, RolloutGates.none());
        assertThat(strategy.plan()).containsExactly(5, 25, 50, 100);
        assertThat(strategy.lastStep()).isEqualTo(3);
        assertThat(strategy.phaseAt(0)).isEqualTo(RolloutPhase.CANARY);
        assertThat(strategy.weightAt(0)).isEqualTo(5);
        assertThat(strategy.weightAt(3)).isEqualTo(100);
    }

    @Test
    void aShadowPhaseIsStepZeroWithNoWeightAndShiftsTheCanarySteps() {
        RolloutStrategy strategy = new RolloutStrategy(new ShadowPhase(Duration.ofHours(2), null), List.of(5, 25, 50, 100),
                INTERVAL, 100, RolloutGates.none());
        assertThat(strategy.plan()).containsExactly(0, 5, 25, 50, 100);
        assertThat(strategy.lastStep()).isEqualTo(4);
        assertThat(strategy.phaseAt(0)).isEqualTo(RolloutPhase.SHADOW);
        assertThat(strategy.weightAt(0)).isZero();
        assertThat(strategy.phaseAt(1)).isEqualTo(RolloutPhase.CANARY);
        assertThat(strategy.weightAt(1)).isEqualTo(5);
    }
}
