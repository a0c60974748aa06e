package io.storyteller.command.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.serving.GenerationResult;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

class OnnxChatModelTest {

    @TempDir
    Path directory;

    private static Prompt prompt(ChatOptions options) {
        return new Prompt(List.of(new SystemMessage("a mat ."), new UserMessage("the cat")), options);
    }

    @Test
    void thePromptIsATranscriptTheModelAnswersAndStreamingGivesTheSameTextAsCall() {
        try (OnnxCausalLm lm = OnnxCausalLm.load(OnnxModelDirectory.read(TinyModels.decoder(directory, true, 1, 20)))) {
            OnnxChatModel chat = new OnnxChatModel(lm, new GenerationSettings(0.9, 0.95, 60, 5L), "huggingface:tiny@1");
            assertThat(TranscriptPrompt.of(prompt(null).getInstructions())).isEqualTo("a mat .\n\nUser: the cat\nAssistant:");

            // 9 prompt tokens; greedy follows the table from ":" until the sequence is 20 long
            ChatResponse greedy = chat.call(prompt(ChatOptions.builder().temperature(0.0).build()));
            assertThat(greedy.getResult().getOutput().getText()).isEqualTo("the cat sat on a mat . the cat sat on");
            assertThat(greedy.getResult().getMetadata().getFinishReason()).isEqualTo(GenerationResult.STOP);
            assertThat(greedy.getMetadata().getUsage().getPromptTokens()).isEqualTo(9);
            assertThat(greedy.getMetadata().getUsage().getCompletionTokens()).isEqualTo(11);
            assertThat(greedy.getMetadata().getModel()).isEqualTo("huggingface:tiny@1");

            // sampled with the defaults' seed: the stream's chunks join to the call's text
            String called = chat.call(prompt(null)).getResult().getOutput().getText();
            List<ChatResponse> chunks = chat.stream(prompt(null)).collectList().block();
            String streamed = String.join("", chunks.stream().map(c -> c.getResult().getOutput().getText()).toList());
            assertThat(chunks.size()).isGreaterThan(2);
            assertThat(streamed).isEqualTo(called).isNotEqualTo(greedy.getResult().getOutput().getText());
            assertThat(chunks.getLast().getMetadata().getUsage().getCompletionTokens()).isPositive();
        }
    }

    @Test
    void theOptionsSetMaxTokensAndStopSequences() {
        try (OnnxCausalLm lm = OnnxCausalLm.load(OnnxModelDirectory.read(TinyModels.decoder(directory, false, 10, 60)))) {
            OnnxChatModel chat = new OnnxChatModel(lm, GenerationSettings.defaults(), "huggingface:tiny@1");

            ChatResponse cut = chat.call(prompt(ChatOptions.builder().temperature(0.0).maxTokens(3).build()));
            assertThat(cut.getResult().getOutput().getText()).isEqualTo("the cat sat");
            assertThat(cut.getResult().getMetadata().getFinishReason()).isEqualTo(GenerationResult.LENGTH);

            ChatResponse stopped = chat.call(prompt(ChatOptions.builder().temperature(0.0).stopSequences(List.of(" on")).build()));
            assertThat(stopped.getResult().getOutput().getText()).isEqualTo("the cat sat");
        }
    }

    @Test
    void earlierTurnsAreTranscribedInOrder() {
        assertThat(TranscriptPrompt.of(List.of(new UserMessage("Open the door."), new AssistantMessage("It creaks."),
                new UserMessage("Go in."))))
                .isEqualTo("User: Open the door.\nAssistant: It creaks.\nUser: Go in.\nAssistant:");
    }
}
