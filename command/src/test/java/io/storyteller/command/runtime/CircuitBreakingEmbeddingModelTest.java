package io.storyteller.command.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

class CircuitBreakingEmbeddingModelTest {

    private final CircuitBreakerProperties properties = new CircuitBreakerProperties(true, 50, 4, 4, Duration.ofMinutes(1), 1);

    @Test
    void aFailingEndpointsEmbeddingsArePausedAndTheCallsNoLongerReachIt() {
        AtomicInteger calls = new AtomicInteger();
        CircuitBreakingEmbeddingModel model = guarded(new Endpoint(calls, true));

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> model.embed("the harbour")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("connection refused");
        }

        assertThat(model.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> model.embed("the harbour")).isInstanceOf(ModelUnavailableException.class)
                .hasMessage("provider endpoint lab embeddings is failing: calls to it are paused for a while");
        assertThat(calls).hasValue(4);
    }

    @Test
    void aHealthyEndpointAnswersThroughIt() {
        AtomicInteger calls = new AtomicInteger();
        CircuitBreakingEmbeddingModel model = guarded(new Endpoint(calls, false));

        assertThat(model.embed(List.of("a", "b"))).hasSize(2);
        assertThat(model.embed(new Document("c"))).containsExactly(1f, 0f);
        assertThat(model.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private CircuitBreakingEmbeddingModel guarded(EmbeddingModel endpoint) {
        return new CircuitBreakingEmbeddingModel(endpoint,
                CircuitBreakerRegistry.of(properties.config()).circuitBreaker("lab embeddings"));
    }

    /** An endpoint that answers a unit vector per text, or fails every call. */
    private record Endpoint(AtomicInteger calls, boolean failing) implements EmbeddingModel {

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            calls.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("connection refused");
            }
            return new EmbeddingResponse(request.getInstructions().stream()
                    .map(text -> new Embedding(new float[] {1f, 0f}, 0)).toList());
        }

        @Override
        public float[] embed(Document document) {
            return call(new EmbeddingRequest(List.of(document.getText()), null)).getResult().getOutput();
        }
    }
}
