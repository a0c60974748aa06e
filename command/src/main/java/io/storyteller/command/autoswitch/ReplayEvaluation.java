package io.storyteller.command.autoswitch;

import io.storyteller.command.validation.ReplayedAnswer;
import io.storyteller.command.validation.TurnReplay;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Replays recorded player actions through one model with a plain narrator prompt (a system
 * message naming the world, the action as the user message; no lore, no history) and measures
 * the answers: failures (an exception, a response without a result, or no answer within the call
 * timeout),
 * latency, cost and the {@link ReplayQuality} proxy. Calls run one at a time on the given
 * executor so that a call that hangs is abandoned at its timeout.
 * <p>
 * Each call is asked through {@link TurnReplay}, as the validation's replays are. Cost per beat is
 * the mean over answered calls of input and output tokens at the model's {@link TokenPrice};
 * tokens are the provider's usage when reported, else estimated at four characters a token.
 */
public final class ReplayEvaluation {

    private static final Logger log = LoggerFactory.getLogger(ReplayEvaluation.class);

    private final TurnReplay replay;

    public ReplayEvaluation(ExecutorService calls, Duration callTimeout) {
        this.replay = new TurnReplay(calls, callTimeout);
    }

    static Prompt prompt(RecordedPlayerAction action) {
        String world = action.worldName() == null ? "this world" : "the world \"" + action.worldName() + "\"";
        return new Prompt(List.of(
                new SystemMessage("You are the narrator of an interactive story set in " + world + ". Continue the story"
                        + " in response to the player's action: one or two short paragraphs of prose, in the second"
                        + " person, ending on a complete sentence. Do not repeat the action back."),
                new UserMessage(action.text())));
    }

    public ReplayResult evaluate(String label, ChatModel model, TokenPrice price, List<RecordedPlayerAction> actions) {
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        int usable = 0;
        int answered = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (RecordedPlayerAction action : actions) {
            ReplayedAnswer answer = replay.ask(model, price, prompt(action));
            latencies.add(answer.latencyMillis());
            String reply = answer.text();
            if (reply == null) {
                log.debug("Auto-switch replay: {} failed on an action", label);
                failures++;
                continue;
            }
            answered++;
            if (ReplayQuality.usable(reply, action.text())) {
                usable++;
            }
            cost = cost.add(answer.cost());
        }
        int samples = actions.size();
        BigDecimal costPerBeat = answered == 0 ? BigDecimal.ZERO
                : cost.divide(BigDecimal.valueOf(answered), MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
        return new ReplayResult(samples, samples == 0 ? 0 : (double) failures / samples, p95(latencies), costPerBeat,
                ReplayQuality.score(usable, samples));
    }

    /** Nearest rank: the smallest latency at or above which 95 % of the calls lie; 0 without calls. */
    static long p95(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
