package io.storyteller.command.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.corpus.EventLog;
import io.storyteller.command.housemodel.corpus.StoryEvents;
import io.storyteller.command.housemodel.training.HouseModelConfiguration;
import io.storyteller.command.housemodel.training.HouseModelTraining;
import io.storyteller.command.support.RecordingCommandGateway;
import io.storyteller.command.runtime.ConfiguredRuntime;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.runtime.NarratorProperties;
import io.storyteller.command.runtime.NarratorProvider;
import io.storyteller.command.runtime.DefaultHouseVersions;
import java.nio.file.Path;
import java.util.Arrays;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.openai.OpenAiChatModel;

/** Which {@code spring.ai.*} settings let the app start with no provider, and enable exactly one. */
class NarratorStartupTest {

    @Test
    void startsWithNoProviderAndNoKey() {
        SpringAiContexts.withApplicationDefaults().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ConfiguredRuntime.class);
            assertThat(context).doesNotHaveBean(ChatModel.class);
            assertThat(context).doesNotHaveBean(EmbeddingModel.class);
            assertThat(context.getBean(NarratorProperties.class).provider()).isEqualTo(NarratorProvider.HOUSE);
        });
    }

    @Test
    void springAiAloneWantsKeysForEveryStarter() {
        SpringAiContexts.bare().run(context -> assertThat(context).hasFailed());
    }

    /** Each of the six model-type switches is needed: leave one out and a starter asks for a key. */
    @ParameterizedTest
    @ValueSource(strings = {"chat", "embedding", "image", "audio.speech", "audio.transcription", "moderation"})
    void needsEveryModelTypeSwitch(String modelType) {
        String[] withoutOne = Arrays.stream(SpringAiContexts.APPLICATION_DEFAULTS)
                .filter(p -> !p.startsWith("spring.ai.model." + modelType + "=")).toArray(String[]::new);
        SpringAiContexts.bare().withPropertyValues(withoutOne).run(context -> assertThat(context).hasFailed());
    }

    @Test
    void choosingAProviderEnablesExactlyItsChatModel() {
        SpringAiContexts.withApplicationDefaults()
                .withPropertyValues("storyteller.narrator.provider=openai", "spring.ai.openai.api-key=sk-test")
                .run(context -> {
                    assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(OpenAiChatModel.class);
                    // Spring AI's OpenAI chat model, behind the endpoint's circuit breaker.
                    assertThat(context.getBean(ConfiguredRuntime.class).forWorld("w-1").getDefaultOptions())
                            .isEqualTo(context.getBean(OpenAiChatModel.class).getDefaultOptions());
                });
        SpringAiContexts.withApplicationDefaults()
                .withPropertyValues("storyteller.narrator.provider=anthropic", "spring.ai.anthropic.api-key=sk-ant-test")
                .run(context -> assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(AnthropicChatModel.class));
        SpringAiContexts.withApplicationDefaults()
                .withPropertyValues("storyteller.narrator.provider=ollama")
                .run(context -> assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(OllamaChatModel.class)
                        .doesNotHaveBean(EmbeddingModel.class));
    }

    @Test
    void refusesAProviderSpringAiDidNotConfigure() {
        SpringAiContexts.withApplicationDefaults()
                .withPropertyValues("storyteller.narrator.provider=openai", "spring.ai.model.chat=none")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("spring.ai.model.chat=openai"));
    }

    @Test
    void eachWorldsPinnedHouseModelNarratesByDefault(@TempDir Path dataDir) {
        try (EventLog log = new EventLog()) {
            log.append(StoryEvents.world("varn"),
                    StoryEvents.lore("varn", "l1", "Lighthouse", "The lighthouse burns above the Grey Sea."));
            SpringAiContexts.withApplicationDefaults()
                    .withBean(EventStore.class, () -> log.store)
                    .withBean(CommandGateway.class, RecordingCommandGateway::new)
                    .withUserConfiguration(HouseModelConfiguration.class, HouseModelTraining.class,
                            DefaultHouseVersions.class)
                    .withPropertyValues("storyteller.data-dir=" + dataDir)
                    .run(context -> assertThat(context.getBean(ConfiguredRuntime.class).forWorld("varn")
                            .getDefaultOptions().getModel()).isEqualTo("house:varn:v1"));
        }
    }

    @Test
    void withoutHouseModelsTheHouseNarratorIsUnavailable() {
        SpringAiContexts.withApplicationDefaults()
                .run(context -> assertThatThrownBy(() -> context.getBean(ConfiguredRuntime.class).forWorld("w-1"))
                        .isInstanceOf(ModelUnavailableException.class)
                        .hasMessage("no house model runtime is available"));
    }
}
