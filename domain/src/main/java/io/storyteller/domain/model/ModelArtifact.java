package io.storyteller.domain.model;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.regex.Pattern;

/** A version's files as the platform stores them: where, their SHA-256 digest (lower-case hex) and size. */
public record ModelArtifact(String uri,
        String sha256,
        long sizeBytes) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ModelArtifact validated(String field) {
        String location = Require.text(field + ".uri", uri, 2000);
        String digest = Require.text(field + ".sha256", sha256, 64);
        if (!SHA256.matcher(digest).matches()) {
            throw DomainRejection.invalid(field + ".sha256", "sha256", field + ".sha256 must be 64 lower-case hex digits");
        }
        if (sizeBytes < 1) {
            throw DomainRejection.invalid(field + ".sizeBytes", "positive", field + ".sizeBytes must be at least 1");
        }
        return new ModelArtifact(location, digest, sizeBytes);
    }
}
