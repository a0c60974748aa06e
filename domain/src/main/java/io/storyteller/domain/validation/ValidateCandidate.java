package io.storyteller.domain.validation;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;

/**
 * Validates a candidate version against the incumbent for one use case: the use case's evaluation
 * suite is run on both (offline replay of recorded turns for chat models, the suite's labelled
 * dataset for classifiers), side by side, and the result is recorded on the candidate's model as
 * {@link ModelValidated} under {@code validationId}. Not an aggregate's command: the validator
 * accepts it at once and runs it in the background, so whoever asks (a saga, an admin) waits for the
 * event, not for the answer. Platform admins and the system only.
 *
 * @param incumbent what the candidate must match or beat; null: what the use case's slot serves
 *                  now ({@code worldId}'s slot, or the global one), or nothing when the slot is empty
 * @param suite     the evaluation suite's name; null: the use case's default suite
 * @param worldId   whose recorded turns and slot to use; null: all worlds and the global slot
 * @param dataset   the items to measure on instead of the suite's own, under the suite's metrics (a
 *                  fine-tuning measures a reviewer on its export's holdout); null: the suite's
 */
public record ValidateCandidate(String validationId,
        ModelRef candidate,
        ModelRef incumbent,
        UseCase useCase,
        String suite,
        String worldId,
        Actor actor,
        SuiteDataset dataset) {

    /** With the suite's own items. */
    public ValidateCandidate(String validationId, ModelRef candidate, ModelRef incumbent, UseCase useCase, String suite,
            String worldId, Actor actor) {
        this(validationId, candidate, incumbent, useCase, suite, worldId, actor, null);
    }
}
