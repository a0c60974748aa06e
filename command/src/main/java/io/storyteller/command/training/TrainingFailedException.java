package io.storyteller.command.training;

/** A training run failed; the message is safe to record as the reason (no secret, no stack trace). */
public class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String reason) {
        super(reason);
    }

    public TrainingFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
