package io.storyteller.command.autoswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.support.RecordingCommandGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AutoSwitchWiringTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AutoSwitchConfiguration.class, ReplayEvaluations.class)
            .withBean(ModelRuntimes.class, () -> ref -> {
                throw new ModelUnavailableException("none");
            })
            .withBean(QueryGateway.class, () -> DefaultQueryGateway.builder()
                    .queryBus(SimpleQueryBus.builder().build()).build())
            .withBean(CommandGateway.class, RecordingCommandGateway::new);

    @Test
    void theReplayAssemblesFromItsProperties() {
        context.withPropertyValues("storyteller.auto-switch.replay-actions=7").run(started -> {
            assertThat(started).hasSingleBean(ReplayEvaluations.class);
            assertThat(started.getBean(AutoSwitchProperties.class).replayActions()).isEqualTo(7);
        });
    }

    @Test
    void itCanBeSwitchedOff() {
        context.withPropertyValues("storyteller.auto-switch.enabled=false")
                .run(started -> assertThat(started).doesNotHaveBean(ReplayEvaluations.class));
    }
}
