package io.storyteller.command.acquisition.ollama;

/**
 * An Ollama server refused or could not be asked. The message is safe to show and record: the
 * server's location, its status and its own short error text, never a key.
 *
 * @param status the HTTP status, 0 when no answer came
 */
public class OllamaApiException extends RuntimeException {

    private final int status;

    public OllamaApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
