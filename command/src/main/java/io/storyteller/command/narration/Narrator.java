package io.storyteller.command.narration;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one generation: streams from the chat model (or calls it once when it cannot stream),
 * hands every text chunk to a listener while generating, and gives up after the configured timeout.
 * <p>
 * The generation runs on a Reactor worker thread while the caller blocks. That is deliberate: the
 * caller is an event handler inside an Axon unit of work, which is bound to its thread, and the
 * query update emitter defers every update emitted on that thread until the unit of work commits.
 * Chunks emitted from the worker thread reach subscribers at once.
 */
@Component
public class Narrator {

    private static final Logger log = LoggerFactory.getLogger(Narrator.class);

    private final Duration timeout;

    public Narrator(NarrationProperties properties) {
        this.timeout = properties.timeout();
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * @param onChunk receives each non-empty piece of text as it is generated, on a worker thread
     * @throws RuntimeException whatever the model failed with; a timeout as a cause of type
     *                          {@link java.util.concurrent.TimeoutException}
     */
    GeneratedNarration narrate(ChatModel model, Prompt prompt, Consumer<String> onChunk) {
        long started = System.nanoTime();
        CollectedResponses collected = new CollectedResponses();
        Flux.defer(() -> model.stream(prompt))
                // Models that cannot stream say so with UnsupportedOperationException (Spring AI's default).
                .onErrorResume(e -> e instanceof UnsupportedOperationException && collected.isEmpty(),
                        e -> Mono.fromCallable(() -> model.call(prompt)))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(response -> {
                    String chunk = collected.add(response);
                    if (!chunk.isEmpty()) {
                        forward(onChunk, chunk);
                    }
                })
                .then()
                .timeout(timeout) // on the whole generation; cancels the upstream request
                .block();
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        return new GeneratedNarration(collected.text(), collected.model(), collected.promptTokens(),
                collected.completionTokens(), latencyMillis);
    }

    private static void forward(Consumer<String> onChunk, String chunk) {
        try {
            onChunk.accept(chunk);
        } catch (RuntimeException e) {
            // Progress is a courtesy to watchers; losing a chunk must not lose the narration.
            log.debug("Could not forward a narration chunk: {}", e.toString());
        }
    }
}
