package io.storyteller.domain.acquisition;

/**
 * Every downloaded file matched the Hub's digest. {@code digest} is the SHA-256 of the manifest
 * (one {@code <sha256>  <size>  <path>} line per file, sorted by path): the version's digest.
 */
public record HubModelVerified(String acquisitionId,
        String digest) {
}
