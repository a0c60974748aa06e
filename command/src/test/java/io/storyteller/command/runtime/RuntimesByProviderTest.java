package io.storyteller.command.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.HouseModelTrainer;
import io.storyteller.command.housemodel.training.ModelKeys;
import io.storyteller.command.housemodel.training.TrainedHouseModel;
import io.storyteller.command.housemodel.training.TrainingSettings;
import io.storyteller.domain.model.ModelRef;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** Which runtime serves a model version, by its provider. */
class RuntimesByProviderTest {

    static final TrainedHouseModel MODEL = new HouseModelTrainer().train(List.of(
            "The dragon sleeps under the city. The city sleeps above the dragon.",
            "The guard wakes the dragon and the dragon roars at the guard.",
            "Smoke rises over the city while the dragon dreams of gold."), TrainingSettings.defaults());

    @TempDir
    Path root;
    HouseModelStore store;
    PinnedHouseVersions house;
    final Map<String, Supplier<? extends ChatModel>> providers = new HashMap<>();
    ModelRuntimes runtimes;

    @BeforeEach
    void stock() {
        store = new HouseModelStore(root);
        store.save(ModelKeys.forWorld("w-1"), MODEL, new CorpusRange(0, 3));
        store.save(ModelKeys.forWorld("w-1"), MODEL, new CorpusRange(0, 3));
        house = new PinnedHouseVersions(store, GenerationSettings.defaults());
        providers.put("openai", () -> null);
        runtimes = new RuntimesByProvider(house, new ProviderRuntimes(providers));
    }

    @AfterEach
    void close() {
        house.close();
    }

    @Test
    void aHouseModelServesTheVersionNamed() {
        ChatModel first = runtimes.chatModelFor(new ModelRef("house:w-1", "1"));
        ChatModel second = runtimes.chatModelFor(new ModelRef("house:w-1", "2"));

        assertThat(first.getDefaultOptions().getModel()).isEqualTo("house:w-1:v1");
        assertThat(second.getDefaultOptions().getModel()).isEqualTo("house:w-1:v2");
        ChatResponse answer = first.call(new Prompt(new UserMessage("I wake the dragon")));
        assertThat(answer.getResult().getOutput().getText()).isNotBlank();
        assertThat(answer.getMetadata().getModel()).isEqualTo("house:w-1:v1");
    }

    @Test
    void eachHouseVersionIsLoadedOnce() {
        runtimes.chatModelFor(new ModelRef("house:w-1", "1"));
        runtimes.chatModelFor(new ModelRef("house:w-1", "1"));
        runtimes.chatModelFor(new ModelRef("house:w-1", "2"));

        assertThat(house.loadedCount()).isEqualTo(2);
    }

    @Test
    void theWorldsIdIsMappedToItsStoreKeyAndPlatformToThePlatformModel() {
        store.save(ModelKeys.forWorld("world with spaces"), MODEL, new CorpusRange(0, 3));
        store.save(ModelKeys.PLATFORM, MODEL, new CorpusRange(0, 3));

        assertThat(runtimes.chatModelFor(new ModelRef("house:world with spaces", "1")).getDefaultOptions().getModel())
                .startsWith("house:world-").endsWith(":v1");
        assertThat(runtimes.chatModelFor(new ModelRef("house:platform", "1")).getDefaultOptions().getModel())
                .isEqualTo("house:platform:v1");
    }

    @Test
    void aHouseVersionNotStoredIsUnavailable() {
        assertThatThrownBy(() -> runtimes.chatModelFor(new ModelRef("house:w-1", "7")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("model house:w-1@7 is not available: that house model version is not stored");
        assertThatThrownBy(() -> runtimes.chatModelFor(new ModelRef("house:w-1", "v2")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("a house model version is 1, 2");
    }

    @Test
    void closedVersionsServeNoMore() {
        ChatModel first = runtimes.chatModelFor(new ModelRef("house:w-1", "1"));
        house.close();

        assertThatThrownBy(() -> first.call(new Prompt(new UserMessage("I wake the dragon"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> runtimes.chatModelFor(new ModelRef("house:w-1", "1")))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("shutting down");
    }

    @Test
    void withHouseModelsDisabledAHouseVersionIsUnavailable() {
        ModelRuntimes withoutHouse = new RuntimesByProvider(
                new PinnedHouseVersions(null, GenerationSettings.defaults()), new ProviderRuntimes(providers));

        assertThatThrownBy(() -> withoutHouse.chatModelFor(new ModelRef("house:w-1", "1")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("house models are disabled (storyteller.house-model.enabled=false)");
    }

    @Test
    void aProviderModelIsAskedForByNameOnItsProvidersChatModel() {
        RecordingChatModel openAi = new RecordingChatModel("gpt-configured");
        providers.put("openai", () -> openAi);
        ModelRuntimes withOpenAi = new RuntimesByProvider(house, new ProviderRuntimes(providers));

        ChatModel model = withOpenAi.chatModelFor(new ModelRef("openai:gpt-4o-mini", "gpt-4o-mini"));
        model.call(new Prompt(List.of(new UserMessage("Hi")), ChatOptions.builder().temperature(0.3).maxTokens(50).build()));

        assertThat(model.getDefaultOptions().getModel()).isEqualTo("gpt-4o-mini");
        assertThat(openAi.lastPrompt.getOptions().getModel()).isEqualTo("gpt-4o-mini");
        assertThat(openAi.lastPrompt.getOptions().getTemperature()).isEqualTo(0.3);
        assertThat(openAi.lastPrompt.getOptions().getMaxTokens()).isEqualTo(50);
    }

    @Test
    void aPinnedSnapshotVersionIsCalledByItsOwnName() {
        assertThat(RuntimesByProvider.callName("gpt-4o", "gpt-4o-2024-08-06")).isEqualTo("gpt-4o-2024-08-06");
        assertThat(RuntimesByProvider.callName("llama3.1", "llama3.1:8b")).isEqualTo("llama3.1:8b");
        assertThat(RuntimesByProvider.callName("claude-sonnet-4-5", "2025-09-29")).isEqualTo("claude-sonnet-4-5");
        assertThat(RuntimesByProvider.callName("gpt-4o-mini", "gpt-4o-mini")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aProviderNotConfiguredSaysWhatToSet() {
        assertThatThrownBy(() -> runtimes.chatModelFor(new ModelRef("openai:gpt-4o-mini", "gpt-4o-mini")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("model openai:gpt-4o-mini@gpt-4o-mini is not available: no openai chat model is configured "
                        + "(set spring.ai.model.chat=openai and the spring.ai.openai.* connection properties)");
    }

    @Test
    void anUnknownProviderOrMalformedIdIsUnavailable() {
        assertThatThrownBy(() -> runtimes.chatModelFor(new ModelRef("mistral:large", "1")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("model mistral:large@1 is not available: no runtime serves provider 'mistral'");
        assertThatThrownBy(() -> runtimes.chatModelFor(new ModelRef("narrator-noir", "1")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("model id 'narrator-noir' is not of the form <provider>:<model>");
    }

    /** A provider's chat model that remembers what it was asked. */
    static final class RecordingChatModel implements ChatModel {

        private final String configuredModel;
        volatile Prompt lastPrompt;

        RecordingChatModel(String configuredModel) {
            this.configuredModel = configuredModel;
        }

        @Override
        public ChatResponse call(Prompt prompt) {
            lastPrompt = prompt;
            return new ChatResponse(List.of());
        }

        @Override
        public ChatOptions getDefaultOptions() {
            return ChatOptions.builder().model(configuredModel).temperature(0.7).build();
        }
    }
}
