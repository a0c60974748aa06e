package io.storyteller.command.training;

/**
 * A way to train a new model version from an exported dataset: in process (the house models), a
 * provider's fine-tuning API, or an external program. The fine-tuning work picks one by
 * {@link #name()}, hands it a {@link TrainingJob} and registers what it answers. Implementations are
 * Spring beans; they block until training ends and must honour interruption (the job's deadline).
 */
public interface TrainingBackend {

    /** How requests name it: {@code house}, {@code openai}, {@code command}. */
    String name();

    /**
     * Whether this backend can train {@code job} at all (its use case, its base model's kind and
     * provider); the reason it cannot otherwise, phrased for the requester. Checked before any work.
     */
    TrainingSupport supports(TrainingJob job);

    /**
     * Trains. Reports progress as it goes and answers what was made.
     *
     * @throws TrainingFailedException with a reason safe to record (no secret, no stack trace)
     */
    TrainingOutcome train(TrainingJob job, TrainingProgress progress);
}
