package io.storyteller.command.acquisition.copy;

/** Files could not be copied or did not verify; the message is safe to show and record. */
class CopyFailedException extends RuntimeException {

    CopyFailedException(String message) {
        super(message);
    }
}
