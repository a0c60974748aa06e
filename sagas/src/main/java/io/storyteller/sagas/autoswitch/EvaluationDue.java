package io.storyteller.sagas.autoswitch;

/**
 * The payload of an auto-switch saga's deadline: the attempt it was scheduled for. One that
 * outlived its attempt (a lost race with the scheduler) is recognised by its number and ignored.
 * <p>
 * Stored by the deadline scheduler as JSON under this class name: renaming it strands pending deadlines.
 */
public record EvaluationDue(int attempt) {
}
