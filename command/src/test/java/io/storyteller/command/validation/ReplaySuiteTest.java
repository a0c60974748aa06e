package io.storyteller.command.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.ContinuityFindings;
import io.storyteller.command.narration.pipeline.TextDetector;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.Contradiction;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Offline replay judges both answers of a turn together with the pipeline's judge: a contradiction,
 * a blocked answer and a failed call each cost the side that gave them.
 */
class ReplaySuiteTest {

    private static final String GOOD = "The bell rings twice under the harbour, slow and patient.";
    private static final String CONTRADICTS = "The bell is gone, melted down years ago.";
    private static final String HARMFUL = "Something the rating does not allow.";

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        calls.shutdownNow();
    }

    /** Continuity finds a contradiction in CONTRADICTS; the guardrail blocks HARMFUL; the detector scores 0.3. */
    private ReplaySuite suite() {
        CandidateJudge judge = new CandidateJudge(
                (ground, text) -> new ContinuityFindings(text.equals(CONTRADICTS)
                        ? List.of(new Contradiction("destroyed-place", "the bell rings", "beat-1", "melted down")) : List.of(), List.of()),
                (ground, texts) -> texts.stream().mapToDouble(t -> 0.8).toArray(),
                (worldId, text) -> new TextDetector.DetectorReading(0.3, "detector", "1"),
                (worldId, rating, text, source) -> new HarmVerdict("guard", "1", Map.of(), !text.equals(HARMFUL), List.of()));
        return new ReplaySuite(new TurnReplay(calls, Duration.ofSeconds(5)), judge);
    }

    private static ReplayTurn turn(String action) {
        return new ReplayTurn(new TurnGround("w", "s", ContentRating.TEEN, List.of(), List.of("The bell rang at dawn."),
                action, List.of()), new Prompt(List.of(new UserMessage(action))));
    }

    /** Answers each action with the text it maps to; an action it does not know fails the call. */
    private static ChatModel answering(Map<String, String> answers) {
        return new ChatModel() {
            @Override
            public ChatResponse call(Prompt prompt) {
                String answer = answers.get(prompt.getUserMessage().getText());
                if (answer == null) {
                    throw new IllegalStateException("provider down");
                }
                return new ChatResponse(List.of(new Generation(new AssistantMessage(answer))));
            }
        };
    }

    @Test
    void theCandidateWinsWhereTheIncumbentContradictsFailsOrIsBlocked() {
        ChatModel candidate = answering(Map.of("listen", GOOD, "ring", GOOD, "wait", GOOD));
        ChatModel incumbent = answering(Map.of("listen", CONTRADICTS, "ring", HARMFUL));
        SuiteRun run = suite().run(new ReplaySuite.Side(candidate, TokenPrice.zero()),
                new ReplaySuite.Side(incumbent, TokenPrice.zero()), List.of(turn("listen"), turn("ring"), turn("wait")));

        assertThat(run.items()).extracting(ItemResult::input).containsExactly("listen", "ring", "wait");
        assertThat(run.items()).allSatisfy(item -> assertThat(item.candidateScore()).isGreaterThan(item.incumbentScore()));
        assertThat(run.items().get(2).incumbentAnswer()).isNull();
        assertThat(run.candidate()).containsEntry("guardrail.passRate", 1.0).containsEntry("continuity.contradictions", 0.0)
                .containsEntry("detector.score", 0.3).containsEntry("cost.perBeat", 0.0);
        assertThat(run.incumbent().get("guardrail.passRate")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(run.incumbent()).containsEntry("continuity.contradictions", 0.5);
        assertThat(run.incumbent().get("review.score")).isLessThan(run.candidate().get("review.score"));
    }

    @Test
    void aPaidModelsCostIsItsPriceOnTheEstimatedTokens() {
        TokenPrice price = new TokenPrice(new BigDecimal("1000000"), new BigDecimal("1000000"), "USD");
        SuiteRun run = suite().run(new ReplaySuite.Side(answering(Map.of("listen", GOOD)), price), null,
                List.of(turn("listen")));

        // one dollar a token: "listen" is 2 tokens in, GOOD (57 characters) 15 out
        assertThat(run.candidate().get("cost.perBeat")).isEqualTo(17.0);
        assertThat(run.incumbent()).isNull();
        assertThat(run.items()).singleElement().satisfies(item -> assertThat(item.incumbentScore()).isNull());
    }
}
