package io.storyteller.command.acquisition.hub;

/**
 * The Hub could not give what was asked. The message is safe to record and show: a status, a
 * kind of network failure, never an answer body nor the token. {@code retryable}: another attempt
 * may succeed (network, 5xx, 429); otherwise it will not (401, 403, 404, a hostile answer).
 */
public class HubUnavailableException extends RuntimeException {

    private final boolean retryable;

    public HubUnavailableException(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
