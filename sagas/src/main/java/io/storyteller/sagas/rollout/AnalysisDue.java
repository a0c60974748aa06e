package io.storyteller.sagas.rollout;

/**
 * The payload of the rollout saga's analysis deadline: the step it was scheduled for and the
 * saga's running number of that deadline. Only the deadline the saga holds is acted on; one that
 * outlived a cancellation (a lost race with the scheduler) is recognised by its number and ignored.
 * <p>
 * Stored by the deadline scheduler as JSON under this class name: renaming it strands pending deadlines.
 */
public record AnalysisDue(int step,
        int sequence) {
}
