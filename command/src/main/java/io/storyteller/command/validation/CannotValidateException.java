package io.storyteller.command.validation;

/** A validation that cannot run; its message is recorded as the failed validation's reason. */
class CannotValidateException extends RuntimeException {

    CannotValidateException(String message) {
        super(message);
    }
}
