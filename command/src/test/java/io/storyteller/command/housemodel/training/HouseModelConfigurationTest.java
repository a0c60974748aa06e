package io.storyteller.command.housemodel.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.corpus.EventLog;
import io.storyteller.command.support.RecordingCommandGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HouseModelConfigurationTest {

    @TempDir
    Path dataDir;
    private final EventLog log = new EventLog();

    @AfterEach
    void close() {
        log.close();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(EventStore.class, () -> log.store)
                .withBean(CommandGateway.class, RecordingCommandGateway::new)
                .withUserConfiguration(HouseModelConfiguration.class, HouseModelTraining.class)
                .withPropertyValues("storyteller.data-dir=" + dataDir);
    }

    @Test
    void the_house_models_are_wired_with_working_defaults() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(HouseModelTraining.class).isRunning()).isTrue();
            assertThat(context.getBean(HouseModelProperties.class)).isEqualTo(HouseModelProperties.defaults());
        });
    }

    @Test
    void properties_bind_from_kebab_case() {
        runner().withPropertyValues("storyteller.house-model.retrain-delay=2m",
                        "storyteller.house-model.retrain-min-new-documents=5",
                        "storyteller.house-model.max-vocabulary=512",
                        "storyteller.house-model.include-house-narrations=true",
                        "storyteller.house-model.temperature=0.5",
                        "storyteller.house-model.top-p=0.7",
                        "storyteller.house-model.max-tokens=60")
                .run(context -> assertThat(context.getBean(HouseModelProperties.class)).isEqualTo(
                        new HouseModelProperties(true, Duration.ofMinutes(2), 5, 512, true, 0.5, 0.7, 60)));
    }

    @Test
    void switched_off_there_is_no_house_model_training() {
        runner().withPropertyValues("storyteller.house-model.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HouseModelTraining.class)
                        .doesNotHaveBean(HouseModelStore.class));
    }
}
