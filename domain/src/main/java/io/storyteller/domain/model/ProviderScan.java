package io.storyteller.domain.model;

/**
 * One provider's part of a discovery run. {@code ok} is false when its catalogue could not be
 * read; {@code error} then says why, in words safe to show (never a key, never the provider's
 * answer body). Models the registry refused are counted in {@code modelsRejected}, the first
 * refusals summarised in {@code error} while {@code ok} stays true.
 */
public record ProviderScan(String provider,
        boolean ok,
        int modelsSeen,
        int modelsRegistered,
        int versionsAdded,
        int modelsRejected,
        String error) {
}
