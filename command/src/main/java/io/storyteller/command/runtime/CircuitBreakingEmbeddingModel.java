package io.storyteller.command.runtime;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * An endpoint's embedding model behind its own circuit breaker, as its chat models are
 * ({@link CircuitBreakingChatModel}): once too many embedding calls have failed, further ones fail
 * at once for a while, so recall falls back to BM25 at once instead of every turn waiting on a dead
 * server. Its breaker is the endpoint's embeddings' own: failing embeddings do not pause narration.
 */
final class CircuitBreakingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel endpoint;
    private final CircuitBreaker breaker;

    CircuitBreakingEmbeddingModel(EmbeddingModel endpoint, CircuitBreaker breaker) {
        this.endpoint = endpoint;
        this.breaker = breaker;
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        try {
            return breaker.executeSupplier(() -> endpoint.call(request));
        } catch (CallNotPermittedException e) {
            throw paused();
        }
    }

    @Override
    public float[] embed(Document document) {
        try {
            return breaker.executeSupplier(() -> endpoint.embed(document));
        } catch (CallNotPermittedException e) {
            throw paused();
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Worded to be safe to record and show: the endpoint's name only. */
    private ModelUnavailableException paused() {
        return new ModelUnavailableException("provider endpoint " + breaker.getName()
                + " is failing: calls to it are paused for a while");
    }
}
