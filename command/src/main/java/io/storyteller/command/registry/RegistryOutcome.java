package io.storyteller.command.registry;

/**
 * What became of one registry command. {@code ALREADY_DONE} is the answer to a repeated request
 * (the model or version exists already), so that registering stays idempotent.
 */
public enum RegistryOutcome {
    DONE,
    ALREADY_DONE,
    REJECTED
}
