package io.storyteller.command.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.corpus.CorpusSelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export in progress: events go in one by one, in log order; {@link #finish} closes the files
 * and writes the manifest. Knows nothing of where the events come from.
 */
final class CorpusRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CorpusRun.class);

    private final CorpusSelection selection;
    private final Path directory;
    private final ObjectMapper json;
    private final RecordFilter filter;
    private final DatasetFiles files;
    private final CorpusFold fold;
    private long eventsRead;
    private long eventsSkipped;
    private Long firstSequence;
    private Long lastSequence;
    private Instant firstTime;
    private Instant lastTime;

    CorpusRun(CorpusSelection selection, Path directory, ObjectMapper json) throws IOException {
        this.selection = selection;
        this.directory = directory;
        this.json = json;
        this.filter = new RecordFilter(selection);
        Pseudonyms pseudonyms = new Pseudonyms(selection.seed());
        this.files = new DatasetFiles(directory, selection.datasets(), json, pseudonyms, selection.holdout());
        this.fold = new CorpusFold(filter, new CorpusRecords(pseudonyms), files);
    }

    /** One event; its payload is deserialised only if the corpus needs it. */
    void accept(long sequence, Instant time, Class<?> payloadType, Supplier<Object> payload) {
        eventsRead++;
        LoggedEvent event = new LoggedEvent(sequence, time, null);
        if (filter.inRange(event)) {
            firstSequence = firstSequence == null ? sequence : firstSequence;
            firstTime = firstTime == null || time.isBefore(firstTime) ? time : firstTime;
            lastSequence = sequence;
            lastTime = lastTime == null || time.isAfter(lastTime) ? time : lastTime;
        }
        if (!CorpusFold.folds(payloadType)) {
            return;
        }
        Object read;
        try {
            read = payload.get();
        } catch (RuntimeException e) {
            // One unreadable event costs the datasets its texts, not the export; the manifest counts it.
            eventsSkipped++;
            log.warn("Corpus export skips event {}: {}", sequence, e.toString());
            return;
        }
        fold.accept(new LoggedEvent(sequence, time, read));
    }

    /** Writes out the open stories, closes the files and writes {@code manifest.json}. */
    CorpusManifest finish(long lastSequenceRead) throws IOException {
        fold.finish();
        files.close();
        List<CorpusFile> written = files.written();
        CorpusManifest manifest = new CorpusManifest(CorpusExporter.VERSION, selection, lastSequenceRead, eventsRead,
                eventsSkipped, firstSequence, lastSequence, firstTime, lastTime, written, files.duplicates(),
                CorpusManifest.digestOf(written));
        json.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(CorpusManifest.FILE_NAME).toFile(), manifest);
        return manifest;
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireEmpty(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("the export directory is not empty: " + directory);
                }
            }
        }
    }
}
