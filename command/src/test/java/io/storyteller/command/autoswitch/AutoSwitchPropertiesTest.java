package io.storyteller.command.autoswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(AutoSwitchProperties.defaults().replayActions()).isEqualTo(12);
        assertThat(AutoSwitchProperties.defaults().evaluationThreads()).isEqualTo(2);
    }

    @Test
    void settingsAreBound() {
        AutoSwitchProperties properties = bind(Map.of("storyteller.auto-switch.replay-actions", "5",
                "storyteller.auto-switch.call-timeout", "20s",
                "storyteller.auto-switch.evaluation-threads", "4",
                "storyteller.auto-switch.min-improvement", "0.5"));
        assertThat(properties.replayActions()).isEqualTo(5);
        assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.evaluationThreads()).isEqualTo(4);
    }

    @Test
    void settingsOutOfRangeFailAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("storyteller.auto-switch.evaluation-threads", "0")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("storyteller.auto-switch.replay-actions", "0")))
                .isInstanceOf(BindException.class);
    }
}
