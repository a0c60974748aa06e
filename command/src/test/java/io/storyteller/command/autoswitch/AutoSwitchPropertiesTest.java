package io.storyteller.command.autoswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AutoSwitchPropertiesTest {

    private static AutoSwitchProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("storyteller.auto-switch", AutoSwitchProperties.class);
    }

    @Test
    void theDefaultsAreThoseBoundFromNothing() {
        assertThat(bind(Map.of())).isEqualTo(AutoSwitchProperties.defaults());
        assertThat(AutoSwitchProperties.defaults().strategy().shadow().mirroredRequests()).isEqualTo(50);
        assertThat(AutoSwitchProperties.defaults().strategy().analysisInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(AutoSwitchProperties.defaults().strategy().gates().tolerance()).isEqualTo(0.1);
    }

    @Test
    void settingsAreBound() {
        AutoSwitchProperties properties = bind(Map.of("storyteller.auto-switch.replay-actions", "5",
                "storyteller.auto-switch.min-improvement", "0.5",
                "storyteller.auto-switch.max-cost-increase", "0.01",
                "storyteller.auto-switch.canary-steps", "10,100",
                "storyteller.auto-switch.shadow-duration", "1h"));
        assertThat(properties.replayActions()).isEqualTo(5);
        assertThat(properties.policy().minImprovement()).isEqualTo(0.5);
        assertThat(properties.policy().maxCostIncrease()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(properties.strategy().canarySteps()).containsExactly(10, 100);
        assertThat(properties.strategy().shadow().duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aStrategyTheDomainWouldRefuseFailsAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("storyteller.auto-switch.canary-steps", "10,50")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("storyteller.auto-switch.replay-actions", "0")))
                .isInstanceOf(BindException.class);
    }
}
