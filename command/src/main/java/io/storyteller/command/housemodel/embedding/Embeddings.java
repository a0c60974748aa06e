package io.storyteller.command.housemodel.embedding;

import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import io.storyteller.domain.shared.DomainRejection;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers {@link EmbedTexts} with the bundled embedding model. Retrieval indexes and the review
 * stage's coherence score both ask here, so every vector in the platform comes from one place and
 * names the model version that made it.
 */
public class Embeddings {

    /** Texts per call: enough for an indexing batch, bounded so that one call cannot hold the model for long. */
    static final int MAX_TEXTS = 256;

    private final SentenceEmbedder embedder;

    public Embeddings(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @QueryHandler
    public TextEmbeddings handle(EmbedTexts query) {
        if (query.texts().size() > MAX_TEXTS) {
            throw DomainRejection.invalid("texts", "max-count:" + MAX_TEXTS,
                    "texts may hold at most " + MAX_TEXTS + " entries");
        }
        return new TextEmbeddings(SentenceEmbedder.MODEL_ID, SentenceEmbedder.VERSION, SentenceEmbedder.DIMENSIONS,
                embedder.embed(query.texts()));
    }
}
