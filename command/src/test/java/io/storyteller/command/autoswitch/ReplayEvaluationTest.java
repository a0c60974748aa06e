package io.storyteller.command.autoswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.time.Instant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

class ReplayEvaluationTest {

    final ExecutorService calls = Executors.newCachedThreadPool();
    final List<RecordedPlayerAction> actions = List.of(action("I open the door"), action("I wait"));

    private static RecordedPlayerAction action(String text) {
        return new RecordedPlayerAction("w1", "Ashfall", "s1", "a-" + text.hashCode(), text, Instant.EPOCH);
    }

    @AfterEach
    void tearDown() {
        calls.shutdownNow();
    }

    @Test
    void aCallWithoutAnAnswerInTimeCountsAsFailed() {
        ScriptedModel hanging = new ScriptedModel(prompt -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        long started = System.nanoTime();

        ReplayResult result = new ReplayEvaluation(calls, Duration.ofMillis(100)).evaluate("slow", hanging,
                TokenPrice.zero(), actions);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.errorRate()).isEqualTo(1.0);
        assertThat(result.quality()).isEqualTo(1.0);
        assertThat(result.latencyP95Millis()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void withoutReportedUsageTokensAreEstimatedAtFourCharactersEach() {
        String reply = "x".repeat(39) + "."; // 40 characters: 10 tokens
        ScriptedModel model = new ScriptedModel(prompt -> new ChatResponse(List.of(new Generation(new AssistantMessage(reply)))));
        TokenPrice outputOnly = new TokenPrice(BigDecimal.ZERO, new BigDecimal("100"), TokenPrice.USD);

        ReplayResult result = new ReplayEvaluation(calls, Duration.ofSeconds(5)).evaluate("m", model, outputOnly, actions);

        assertThat(result.costPerBeat()).isEqualByComparingTo("0.001");
        assertThat(result.errorRate()).isZero();
        assertThat(result.quality()).isEqualTo(5.0);
        assertThat(result.samples()).isEqualTo(2);
    }

    @Test
    void aModelRunInHouseCostsNothing() {
        ScriptedModel model = ScriptedModel.answering("You wait, and the night wears on.", 1000, 1000);

        ReplayResult result = new ReplayEvaluation(calls, Duration.ofSeconds(5)).evaluate("m", model, TokenPrice.zero(),
                actions);

        assertThat(result.costPerBeat()).isEqualByComparingTo("0");
    }

    @Test
    void withoutActionsThereIsNoRating() {
        ReplayResult result = new ReplayEvaluation(calls, Duration.ofSeconds(5)).evaluate("m",
                ScriptedModel.failing(), TokenPrice.zero(), List.of());

        assertThat(result.quality()).isNull();
        assertThat(result.metrics()).doesNotContainKey("quality").containsEntry("samples", 0.0);
        assertThat(result.armMetrics().rating()).isNull();
    }

    @Test
    void thePromptNamesTheWorldAndCarriesTheAction() {
        var prompt = ReplayEvaluation.prompt(actions.getFirst());

        assertThat(prompt.getInstructions().getFirst().getText()).contains("\"Ashfall\"");
        assertThat(prompt.getInstructions().getLast().getText()).isEqualTo("I open the door");
    }
}
