package io.storyteller.command.narration.pipeline;

import io.storyteller.command.narration.context.EmbeddedContext;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Coherence by meaning: how close each candidate's meaning is to the turn's context (the action and the last beats):
 * the cosine of their embeddings from the world's embedder, below 0 counted as 0. All of a turn's
 * candidates are embedded in one request; the context's vector is the one embedded beside the turn
 * ({@link ContextEmbedding}), when it was and by the same model.
 */
public class EmbeddingCoherence implements Coherence {

    private final QueryGateway queries;
    private final Duration timeout;

    public EmbeddingCoherence(QueryGateway queries, Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    @Override
    public double[] scores(TurnGround ground, List<String> candidates) {
        EmbeddedContext known = ground.context() == null ? null : ground.context().await(timeout);
        List<String> texts = new ArrayList<>(candidates.size() + 1);
        texts.addAll(candidates);
        if (known == null) {
            texts.add(ground.contextText());
        }
        TextEmbeddings embeddings = embed(ground.worldId(), texts);
        float[] context;
        if (known == null) {
            context = embeddings.vectors().getLast();
        } else if (known.embedder().equals(embeddings.embedder())) {
            context = known.vector(); // recall embedded it already, with the same model
        } else {
            context = embed(ground.worldId(), List.of(known.text())).vectors().getFirst(); // the embedder changed since
        }
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.max(0, TextEmbeddings.cosine(context, embeddings.vectors().get(i)));
        }
        return scores;
    }

    private TextEmbeddings embed(String worldId, List<String> texts) {
        try {
            return queries.query(new EmbedTexts(worldId, texts), TextEmbeddings.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding the candidates", e);
        } catch (Exception e) {
            throw new IllegalStateException("the embedder did not answer: " + e, e);
        }
    }
}
