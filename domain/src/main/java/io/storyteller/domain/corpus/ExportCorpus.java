package io.storyteller.domain.corpus;

import io.storyteller.domain.shared.Actor;

/**
 * Exports training datasets from the event log into a directory of its own. Not an aggregate's
 * command: the corpus exporter handles it, starts the export in the background and answers its
 * {@link CorpusExportView} (status {@code RUNNING}). Platform admins only.
 */
public record ExportCorpus(CorpusSelection selection,
        Actor actor) {
}
