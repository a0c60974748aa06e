package io.storyteller.command.runtime;

/**
 * No runtime can serve a model version. The message names the model and what is missing, never a
 * path, URL or secret, so it is safe to record in an event and show; details go in the cause.
 */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String safeReason) {
        super(safeReason);
    }

    public ModelUnavailableException(String safeReason, Throwable cause) {
        super(safeReason, cause);
    }
}
