package io.storyteller.command.narration.pipeline;

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
 * candidates are embedded in one request.
 */
public class EmbeddingCoherence implements Coherence {

    /** The beats before the action that the context text holds. */
    static final int CONTEXT_BEATS = 2;

    private final QueryGateway queries;
    private final Duration timeout;

    public EmbeddingCoherence(QueryGateway queries, Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    @Override
    public double[] scores(TurnGround ground, List<String> candidates) {
        List<String> texts = new ArrayList<>(candidates.size() + 1);
        texts.add(contextText(ground));
        texts.addAll(candidates);
        TextEmbeddings embeddings;
        try {
            embeddings = queries.query(new EmbedTexts(ground.worldId(), texts), TextEmbeddings.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding the candidates", e);
        } catch (Exception e) {
            throw new IllegalStateException("the embedder did not answer: " + e, e);
        }
        float[] context = embeddings.vectors().get(0);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.max(0, TextEmbeddings.cosine(context, embeddings.vectors().get(i + 1)));
        }
        return scores;
    }

    static String contextText(TurnGround ground) {
        List<String> lines = ground.storyLines();
        List<String> parts = new ArrayList<>(lines.subList(Math.max(0, lines.size() - CONTEXT_BEATS), lines.size()));
        if (ground.action() != null) {
            parts.add(ground.action());
        }
        return String.join("\n", parts);
    }
}
