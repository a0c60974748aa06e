package io.storyteller.domain.acquisition;

import java.util.List;

/** A repository at a revision as the Hub describes it: the commit it resolves to, its metadata and its files. */
public record HubRevision(String repo,
        String revision,
        String commit,
        String license,
        String task,
        String library,
        String baseModel,
        boolean gated,
        List<HubFile> files) {

    public long totalBytes() {
        return files.stream().mapToLong(HubFile::sizeBytes).sum();
    }
}
