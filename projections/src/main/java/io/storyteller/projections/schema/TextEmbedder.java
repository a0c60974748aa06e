package io.storyteller.projections.schema;

import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the world's embedder deployment for vectors ({@link EmbedTexts}) and waits for them, bounded. */
@Component
public class TextEmbedder {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final QueryGateway queries;

    public TextEmbedder(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * One vector per text of documents being indexed, in order (their kept vectors looked up first);
     * fails (and so dead-letters the event being indexed) when the embedder cannot answer.
     */
    public TextEmbeddings embed(String worldId, List<String> texts) {
        return embed(new EmbedTexts(worldId, texts, true));
    }

    private TextEmbeddings embed(EmbedTexts asked) {
        try {
            return queries.query(asked, TextEmbeddings.class)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the embedder did not answer: " + e.getMessage(), e);
        }
    }

    /**
     * The vectors of indexed documents' {@code texts} by text, asked in as few calls as {@link EmbedTexts} allows
     * ({@link EmbedTexts#MAX_TEXTS} texts each): a batch of events is embedded at once.
     */
    public Map<String, Embedded> embedAll(String worldId, Collection<String> texts) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
        Map<String, Embedded> embedded = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += EmbedTexts.MAX_TEXTS) {
            List<String> asked = distinct.subList(from, Math.min(distinct.size(), from + EmbedTexts.MAX_TEXTS));
            TextEmbeddings embeddings = embed(worldId, asked);
            for (int i = 0; i < asked.size(); i++) {
                embedded.put(asked.get(i), new Embedded(embeddings.vectors().get(i), embeddings.embedder()));
            }
        }
        return embedded;
    }

    /** The vector of one new text, such as a search's question: not looked for among the kept vectors of indexed documents. */
    public Embedded embedOne(String worldId, String text) {
        TextEmbeddings embeddings = embed(new EmbedTexts(worldId, List.of(text)));
        return new Embedded(embeddings.vectors().getFirst(), embeddings.embedder());
    }

    /** A vector and the embedder ({@code modelId@version}) that made it. */
    public record Embedded(float[] vector, String embedder) {
    }
}
