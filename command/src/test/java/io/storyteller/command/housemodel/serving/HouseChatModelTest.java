package io.storyteller.command.housemodel.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import io.storyteller.command.housemodel.training.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

class HouseChatModelTest {

    @TempDir
    static Path storeRoot;
    private static HouseModelRuntime runtime;
    private static HouseChatModel chatModel;

    @BeforeAll
    static void load() {
        runtime = Fixtures.runtime(storeRoot);
        chatModel = new HouseChatModel(runtime, GenerationSettings.defaults().withSeed(2024L));
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    private static Prompt prompt(ChatOptions options) {
        return new Prompt(List.of(
                new SystemMessage("You narrate the world of Varn."),
                new UserMessage("I ask the guard about the missing ship"),
                new UserMessage("You open the door of the tower")), options);
    }

    @Test
    void call_continues_the_last_user_message_and_reports_usage_and_model() {
        ChatResponse response = chatModel.call(prompt(ChatOptions.builder().build()));
        assertThat(response.getResult().getOutput().getText()).isNotBlank();
        assertThat(response.getMetadata().getModel()).isEqualTo("house:varn:v1");
        assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(7);
        assertThat(response.getMetadata().getUsage().getCompletionTokens()).isPositive();
        assertThat(response.getResult().getMetadata().getFinishReason()).isIn("STOP", "LENGTH");
    }

    @Test
    void stream_emits_word_chunks_that_add_up_to_the_call_text() {
        Prompt prompt = prompt(ChatOptions.builder().temperature(0.9).topP(0.95).maxTokens(30).build());
        String called = chatModel.call(prompt).getResult().getOutput().getText();
        List<ChatResponse> chunks = chatModel.stream(prompt).collectList().block();

        assertThat(chunks).hasSizeGreaterThan(2);
        String streamed = String.join("", chunks.stream().map(chunk -> chunk.getResult().getOutput().getText()).toList());
        assertThat(streamed).isEqualTo(called);
        ChatResponse last = chunks.getLast();
        assertThat(last.getMetadata().getUsage().getCompletionTokens()).isEqualTo(chunks.size() - 1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.getMetadata().getModel()).isEqualTo("house:varn:v1"));
    }

    @Test
    void a_cancelled_stream_stops_early() {
        List<ChatResponse> firstTwo = chatModel.stream(prompt(ChatOptions.builder().maxTokens(100).build()))
                .take(2).collectList().block();
        assertThat(firstTwo).hasSize(2);
        assertThat(firstTwo.getFirst().getResult().getOutput().getText()).isNotEmpty();
    }

    @Test
    void prompt_options_override_the_defaults() {
        GenerationSettings settings = chatModel.settings(prompt(ChatOptions.builder().temperature(0.3).maxTokens(7).build()));
        assertThat(settings.temperature()).isEqualTo(0.3);
        assertThat(settings.maxTokens()).isEqualTo(7);
        assertThat(settings.topP()).isEqualTo(0.9);
        ChatResponse response = chatModel.call(prompt(ChatOptions.builder().maxTokens(7).build()));
        assertThat(response.getMetadata().getUsage().getCompletionTokens()).isLessThanOrEqualTo(7);
        assertThat(chatModel.getDefaultOptions().getModel()).isEqualTo("house:varn:v1");
    }

    @Test
    void a_prompt_carrying_its_brief_is_answered_from_it_and_a_tight_limit_keeps_whole_sentences() {
        NarrationBrief brief = new NarrationBrief("Varn", "mystery", "moody", "mira", "I climb the tower", false,
                List.of(new BriefLore("l1", "The Lighthouse", "places", List.of("tower"),
                        "The lighthouse of Varn has burned for a thousand years.", true)),
                List.of(), List.of());
        Prompt prompt = brief.attachTo(prompt(ChatOptions.builder().build()));

        String text = chatModel.call(prompt).getResult().getOutput().getText();
        assertThat(text).containsIgnoringCase("you climb the tower").containsIgnoringCase("lighthouse");

        String tight = chatModel.call(brief.attachTo(prompt(ChatOptions.builder().maxTokens(5).build())))
                .getResult().getOutput().getText();
        assertThat(tight).isEqualTo("You climb the tower.");
    }
}
