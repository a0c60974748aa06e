package io.storyteller.domain.corpus;

import io.storyteller.domain.shared.Actor;

/** The latest corpus exports, newest first; answers a list of {@link CorpusExportView}, empty to anyone but platform admins. */
public record FindCorpusExports(int limit,
        Actor viewer) {
}
