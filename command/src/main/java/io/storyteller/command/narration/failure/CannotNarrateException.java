package io.storyteller.command.narration.failure;

/**
 * A narration failure whose message is safe to record in an event and show to players: short, and
 * free of secrets and stack traces. Other exceptions are summarised by {@link FailureReason}.
 */
public class CannotNarrateException extends RuntimeException {

    public CannotNarrateException(String safeReason) {
        super(safeReason);
    }
}
