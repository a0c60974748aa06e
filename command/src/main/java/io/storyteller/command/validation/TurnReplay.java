package io.storyteller.command.validation;

import io.storyteller.domain.model.TokenPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Asks one model one recorded prompt, timed, abandoned at the call timeout: the validation's
 * replays and the auto-switch's replay of recorded actions ask through it. The cost is the model's
 * registry price on the provider's reported usage, else on four characters a token.
 */
public final class TurnReplay {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int CHARS_PER_TOKEN = 4;

    private final ExecutorService calls;
    private final Duration timeout;

    public TurnReplay(ExecutorService calls, Duration timeout) {
        this.calls = calls;
        this.timeout = timeout;
    }

    public ReplayedAnswer ask(ChatModel model, TokenPrice price, Prompt prompt) {
        long started = System.nanoTime();
        ChatResponse response = null;
        Future<ChatResponse> call = calls.submit(() -> model.call(prompt));
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (Exception e) {
            // A failed or hung call is a failed answer, scored as such; the replay goes on.
        } finally {
            call.cancel(true);
        }
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String text = response == null || response.getResult() == null || response.getResult().getOutput() == null
                ? null : response.getResult().getOutput().getText();
        return new ReplayedAnswer(text, latency, text == null ? BigDecimal.ZERO : cost(price, prompt, text, response));
    }

    private static BigDecimal cost(TokenPrice price, Prompt prompt, String text, ChatResponse response) {
        if (price == null || !price.charges()) {
            return BigDecimal.ZERO;
        }
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        long input = usage != null && usage.getPromptTokens() != null && usage.getPromptTokens() > 0
                ? usage.getPromptTokens() : estimate(prompt.getContents());
        long output = usage != null && usage.getCompletionTokens() != null && usage.getCompletionTokens() > 0
                ? usage.getCompletionTokens() : estimate(text);
        return price.inputPerMillion().multiply(BigDecimal.valueOf(input))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(output))).divide(MILLION, MathContext.DECIMAL64);
    }

    private static long estimate(String text) {
        return text == null ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
