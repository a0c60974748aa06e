package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;

/**
 * Asks model discovery to scan every configured provider's catalogue now and register what is
 * new. Not an aggregate's command: the discovery component handles it and answers a
 * {@link DiscoveryReport}. Platform admins, the model manager and the platform may ask.
 */
public record ScanProviders(Actor actor) {
}
