package io.storyteller.command.acquisition.hub;

/** One model of a Hub search, before ranking; {@code sizeBytes} is null when the Hub did not tell. */
record HubListing(String repo,
        String task,
        String library,
        String license,
        long downloads,
        Long sizeBytes,
        boolean gated) {
}
