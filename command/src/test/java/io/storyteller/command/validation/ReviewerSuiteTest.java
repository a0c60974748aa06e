package io.storyteller.command.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.continuity.ContinuityCase;
import io.storyteller.domain.model.TokenPrice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/** A reviewer is measured on labelled continuity cases: a low rating flags a contradiction. */
class ReviewerSuiteTest {

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        calls.shutdownNow();
    }

    private static final List<ContinuityCase> CASES = List.of(
            new ContinuityCase("c1", null, List.of(), List.of("The king died.", "> I visit the king."),
                    "The king greets you warmly.", true, "death"),
            new ContinuityCase("c2", null, List.of(), List.of("The king died.", "> I visit the tomb."),
                    "The tomb is cold and quiet.", false, null));

    /** Rates 1 whatever it reads, or 1 only where "greets" appears (it spots the dead king), else 5. */
    private static ChatModel rating(boolean discerning) {
        return new ChatModel() {
            @Override
            public ChatResponse call(Prompt prompt) {
                String text = prompt.getContents();
                String answer = !discerning || text.contains("greets") ? "1" : "5";
                return new ChatResponse(List.of(new Generation(new AssistantMessage(answer))));
            }
        };
    }

    @Test
    void aDiscerningReviewerBeatsOneThatFlagsEverything() {
        SuiteRun run = new ReviewerSuite(new TurnReplay(calls, Duration.ofSeconds(5))).run(
                new ReplaySuite.Side(rating(true), TokenPrice.zero()), new ReplaySuite.Side(rating(false), TokenPrice.zero()),
                CASES);

        assertThat(run.candidate()).containsEntry("continuity.precision", 1.0).containsEntry("continuity.recall", 1.0)
                .containsEntry("continuity.accuracy", 1.0);
        assertThat(run.incumbent()).containsEntry("continuity.precision", 0.5).containsEntry("continuity.recall", 1.0)
                .containsEntry("continuity.accuracy", 0.5);
        assertThat(run.items()).extracting(ItemResult::candidateScore).containsExactly(1.0, 1.0);
        assertThat(run.items()).extracting(ItemResult::incumbentScore).containsExactly(1.0, 0.0);
        assertThat(run.items().getFirst().input()).startsWith("[contradiction] ");
    }
}
