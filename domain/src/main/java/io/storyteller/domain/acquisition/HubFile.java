package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.DomainRejection;
import java.util.regex.Pattern;

/**
 * A file of a Hub repository at a commit, as the Hub describes it: large files are stored in LFS
 * and named by their SHA-256 ({@code sha256}); small ones only by their git blob id
 * ({@code blobId}, SHA-1 of {@code "blob <size>\0" + content}). Verification checks whichever the
 * Hub gave, SHA-256 first.
 */
public record HubFile(String path,
        long sizeBytes,
        String sha256,
        String blobId) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    public HubFile validated(String field) {
        String checkedPath = HubCoordinates.filePath(field + ".path", path);
        if (sizeBytes < 0) {
            throw DomainRejection.invalid(field + ".sizeBytes", "not-negative", field + ".sizeBytes must not be negative");
        }
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw DomainRejection.invalid(field + ".sha256", "sha256", field + ".sha256 must be 64 lower-case hex digits");
        }
        if (blobId != null && !SHA1.matcher(blobId).matches()) {
            throw DomainRejection.invalid(field + ".blobId", "sha1", field + ".blobId must be 40 lower-case hex digits");
        }
        if (sha256 == null && blobId == null) {
            throw DomainRejection.invalid(field + ".sha256", "required", "a file without a digest cannot be verified");
        }
        return new HubFile(checkedPath, sizeBytes, sha256, blobId);
    }
}
