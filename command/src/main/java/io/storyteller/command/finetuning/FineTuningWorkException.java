package io.storyteller.command.finetuning;

/** A step's work could not be done; the message is safe to record, {@code retryable} says whether another attempt may mend it. */
class FineTuningWorkException extends RuntimeException {

    private final boolean retryable;

    FineTuningWorkException(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
