package io.storyteller.sagas.acquisition;

/**
 * The payload of an acquisition's deadline: the attempt it was scheduled for, so a deadline that
 * outlived its attempt is recognised and ignored.
 * <p>
 * Stored by the deadline scheduler as JSON under this class name: renaming it strands pending deadlines.
 */
public record StepDue(int attempt) {
}
