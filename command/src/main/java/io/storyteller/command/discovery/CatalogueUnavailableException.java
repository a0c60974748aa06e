package io.storyteller.command.discovery;

/**
 * A catalogue that could not be read. Its message is safe to show and log: it names the
 * provider's host and what went wrong, never a key or the provider's answer body.
 */
public class CatalogueUnavailableException extends RuntimeException {

    public CatalogueUnavailableException(String message) {
        super(message, null, false, false);
    }
}
