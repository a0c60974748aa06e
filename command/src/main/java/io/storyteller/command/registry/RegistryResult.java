package io.storyteller.command.registry;

/** A registry command's outcome; {@code reason} says why it was rejected, in words safe to show. */
public record RegistryResult(RegistryOutcome outcome, String reason) {

    static final RegistryResult DONE = new RegistryResult(RegistryOutcome.DONE, null);
    static final RegistryResult ALREADY_DONE = new RegistryResult(RegistryOutcome.ALREADY_DONE, null);

    static RegistryResult rejected(String reason) {
        return new RegistryResult(RegistryOutcome.REJECTED, reason);
    }

    public boolean done() {
        return outcome == RegistryOutcome.DONE;
    }

    public boolean rejected() {
        return outcome == RegistryOutcome.REJECTED;
    }
}
