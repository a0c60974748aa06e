package io.storyteller.command.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.storyteller.command.eventlog.EventLogReader;
import io.storyteller.domain.corpus.CorpusSelection;
import java.io.IOException;
import java.nio.file.Path;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Exports training datasets from the event log into a directory: reads the log once, in order,
 * from its start (earlier events give the context) up to the selection's end or the head of the
 * log as it was when the export began, and writes the dataset files and {@code manifest.json}.
 */
public final class CorpusExporter {

    /** Written into every manifest; a change to what the files hold changes it. */
    public static final String VERSION = "storyteller-corpus/1";

    private final EventLogReader log;
    private final ObjectMapper json = mapper();

    public CorpusExporter(StreamableMessageSource<TrackedEventMessage<?>> events) {
        this.log = new EventLogReader(events);
    }

    /** Exports into {@code directory}, which must be empty or absent; rejects a selection naming the field and rule. */
    public CorpusManifest export(CorpusSelection selection, Path directory, ExportProgress progress) throws IOException {
        CorpusSelection checked = selection.validated();
        CorpusRun.requireEmpty(directory);
        try (CorpusRun run = new CorpusRun(checked, directory, json)) {
            long until = lastSequence(checked);
            progress.started(until);
            if (until >= 0) {
                log.read(null, until, event -> {
                    long sequence = event.trackingToken().position().orElse(-1);
                    run.accept(sequence, event.getTimestamp(), event.getPayloadType(), event::getPayload);
                    progress.read(sequence);
                });
            }
            return run.finish(until);
        }
    }

    /** Reads a {@code manifest.json} an export wrote, e.g. to run it again ({@link CorpusManifest#reproduction()}). */
    public static CorpusManifest readManifest(Path file) throws IOException {
        return mapper().readValue(file.toFile(), CorpusManifest.class);
    }

    /** Where reading stops: the selection's last sequence or end time, never past the head as it is now. */
    private long lastSequence(CorpusSelection selection) {
        long until = log.head().orElse(-1);
        if (selection.toSequence() != null) {
            until = Math.min(until, selection.toSequence());
        }
        if (selection.to() != null && until >= 0) {
            until = Math.min(until, log.lastIndexBefore(selection.to()));
        }
        return until;
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
