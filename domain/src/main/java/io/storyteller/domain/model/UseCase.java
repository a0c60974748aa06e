package io.storyteller.domain.model;

/**
 * What a model is used for. Each use case is a deployment slot (globally or per world), and a
 * named variant is made for one. It lives beside the models so that deployments depend on models
 * and never the other way round.
 */
public enum UseCase {
    /** Tells the story. */
    NARRATOR,
    /** Scores narration candidates for lore consistency, continuity and quality. */
    REVIEWER,
    /** Scores how machine-written a candidate reads. */
    DETECTOR,
    /** Decides whether a candidate may be shown at the world's content rating. */
    GUARDRAIL,
    /** Embeds lore and beats for retrieval. */
    EMBEDDER;

    /** Whether a model of this kind can serve the use case; judges and guards may be chat models. */
    public boolean accepts(ModelKind kind) {
        return switch (this) {
            case NARRATOR -> kind == ModelKind.CHAT;
            case REVIEWER, DETECTOR, GUARDRAIL -> kind == ModelKind.CHAT || kind == ModelKind.CLASSIFIER;
            case EMBEDDER -> kind == ModelKind.EMBEDDING;
        };
    }

    /** The use case's name in slot keys, e.g. {@code narrator}. */
    public String key() {
        return name().toLowerCase();
    }
}
