package io.storyteller.command.narration.pipeline;

/** What the pipeline does after judging a round. */
public sealed interface Decision {

    /** This candidate becomes the beat. */
    record Chosen(Judgement winner, String reason) implements Decision {
    }

    /** This candidate becomes the beat once the sentences the rating refuses are taken out. */
    record Redact(Judgement candidate, String reason) implements Decision {
    }

    /** Generate another round, telling the models what went wrong. */
    record Regenerate(String feedback) implements Decision {
    }

    /** No candidate may be shown: the turn fails with this reason. */
    record Refuse(String reason) implements Decision {
    }
}
