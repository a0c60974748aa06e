package io.storyteller.command.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelVariantView;
import io.storyteller.domain.model.SamplingParameters;
import io.storyteller.domain.model.UseCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** A named variant runs on its base model with its own system prompt and sampling. */
class VariantServingTest {

    private final AtomicReference<Prompt> seen = new AtomicReference<>();
    private final ChatModel base = prompt -> {
        seen.set(prompt);
        return new ChatResponse(List.of(new Generation(new AssistantMessage("Rain on neon."))));
    };
    private final ModelVariantView noir = new ModelVariantView("narrator-noir", new ModelRef("ollama:llama3.1", "llama3.1"),
            UseCase.NARRATOR, "Narrate as a hard-boiled detective story.", new SamplingParameters(0.4, null, 300));

    private ModelRuntimes runtimes(Map<String, ModelVariantView> registered) {
        return new RuntimesByProvider(null, new ProviderRuntimes(Map.of("ollama", () -> base)),
                modelId -> Optional.ofNullable(registered.get(modelId)));
    }

    @Test
    void aVariantCallsItsBaseWithItsSystemPromptFirstAndItsSampling() {
        ChatModel variant = runtimes(Map.of("variant:narrator-noir", noir))
                .chatModelFor(new ModelRef("variant:narrator-noir", "1"));

        String text = variant.call(new Prompt(List.of(new SystemMessage("World: Vell."), new UserMessage("I light a match.")),
                ChatOptions.builder().temperature(0.9).topP(0.8).maxTokens(100).build()))
                .getResult().getOutput().getText();

        assertThat(text).isEqualTo("Rain on neon.");
        Prompt prompt = seen.get();
        assertThat(prompt.getInstructions()).extracting(message -> message.getText())
                .containsExactly("Narrate as a hard-boiled detective story.", "World: Vell.", "I light a match.");
        assertThat(prompt.getOptions().getModel()).isEqualTo("llama3.1");
        assertThat(prompt.getOptions().getTemperature()).isEqualTo(0.4);
        assertThat(prompt.getOptions().getTopP()).isEqualTo(0.8);
        assertThat(prompt.getOptions().getMaxTokens()).isEqualTo(300);
    }

    @Test
    void anUnregisteredVariantIsUnavailableWithAClearReason() {
        assertThatThrownBy(() -> runtimes(Map.of()).chatModelFor(new ModelRef("variant:ghost", "1")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("variant:ghost@1").hasMessageContaining("no such variant");
    }
}
