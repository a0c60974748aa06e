package io.storyteller.domain.acquisition;

import java.util.List;

/** The repository's files are in {@code directory} (relative to the Hub download root), not yet verified. */
public record HubModelDownloaded(String acquisitionId,
        String repo,
        String commit,
        String license,
        String task,
        String library,
        String baseModel,
        List<HubFile> files,
        String directory,
        long totalBytes) {
}
