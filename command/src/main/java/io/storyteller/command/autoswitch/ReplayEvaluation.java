package io.storyteller.command.autoswitch;

import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Replays recorded player actions through one model with a plain narrator prompt (a system
 * message naming the world, the action as the user message; no lore, no history) and measures
 * the answers: failures (an exception, a response without a result, or no answer within the call
 * timeout),
 * latency, cost and the {@link ReplayQuality} proxy. Calls run one at a time on the given
 * executor so that a call that hangs is abandoned at its timeout.
 * <p>
 * Cost per beat is the mean over answered calls of input and output tokens at the model's
 * {@link TokenPrice}; tokens are the provider's usage when reported, else estimated at four
 * characters a token.
 */
public final class ReplayEvaluation {

    private static final Logger log = LoggerFactory.getLogger(ReplayEvaluation.class);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int CHARS_PER_TOKEN = 4;

    private final ExecutorService calls;
    private final Duration callTimeout;

    public ReplayEvaluation(ExecutorService calls, Duration callTimeout) {
        this.calls = calls;
        this.callTimeout = callTimeout;
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
            Prompt prompt = prompt(action);
            long started = System.nanoTime();
            ChatResponse response = null;
            try {
                response = call(model, prompt);
            } catch (RuntimeException | TimeoutException | ExecutionException e) {
                log.debug("Auto-switch replay: {} failed on an action: {}", label, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating " + label, e);
            }
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            String reply = text(response);
            if (reply == null) {
                failures++;
                continue;
            }
            answered++;
            if (ReplayQuality.usable(reply, action.text())) {
                usable++;
            }
            cost = cost.add(cost(price, prompt, reply, response));
        }
        int samples = actions.size();
        BigDecimal costPerBeat = answered == 0 ? BigDecimal.ZERO
                : cost.divide(BigDecimal.valueOf(answered), MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
        return new ReplayResult(samples, samples == 0 ? 0 : (double) failures / samples, p95(latencies), costPerBeat,
                ReplayQuality.score(usable, samples));
    }

    private ChatResponse call(ChatModel model, Prompt prompt) throws InterruptedException, ExecutionException,
            TimeoutException {
        Future<ChatResponse> call = calls.submit(() -> model.call(prompt));
        try {
            return call.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            call.cancel(true);
        }
    }

    /** The answer's text; null when there is none (a failed call). */
    private static String text(ChatResponse response) {
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
            return null;
        }
        return response.getResult().getOutput().getText();
    }

    private static BigDecimal cost(TokenPrice price, Prompt prompt, String reply, ChatResponse response) {
        if (price == null || !price.charges()) {
            return BigDecimal.ZERO;
        }
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        long input = usage != null && usage.getPromptTokens() != null && usage.getPromptTokens() > 0
                ? usage.getPromptTokens() : estimate(prompt.getContents());
        long output = usage != null && usage.getCompletionTokens() != null && usage.getCompletionTokens() > 0
                ? usage.getCompletionTokens() : estimate(reply);
        return price.inputPerMillion().multiply(BigDecimal.valueOf(input))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(output)))
                .divide(MILLION, MathContext.DECIMAL64);
    }

    private static long estimate(String text) {
        return text == null ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
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
