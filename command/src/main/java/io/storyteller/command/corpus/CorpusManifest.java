package io.storyteller.command.corpus;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.corpus.CorpusSelection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an export was made from and what it holds ({@code manifest.json}): the exporter's version,
 * the selection as asked, the events read and the range that yielded records, every file with its
 * count and SHA-256, and one digest over them all. {@link #reproduction()} is the selection that
 * makes the same files from the same log.
 *
 * @param lastSequenceRead the global sequence the read stopped at (the head of the log when it began, or the bound asked for)
 * @param firstSequence    first sequence in the selected range (null when the range held no event)
 * @param eventsSkipped    events that could not be read and were left out
 * @param duplicates       records dropped per dataset because their texts were already written
 * @param digest           SHA-256 over the lines {@code <file name> <sha256>} of the files in order
 */
public record CorpusManifest(String exporter,
        CorpusSelection selection,
        long lastSequenceRead,
        long eventsRead,
        long eventsSkipped,
        Long firstSequence,
        Long lastSequence,
        Instant firstTime,
        Instant lastTime,
        List<CorpusFile> files,
        Map<CorpusDataset, Long> duplicates,
        String digest) {

    public static final String FILE_NAME = "manifest.json";

    public CorpusManifest {
        files = List.copyOf(files);
        duplicates = new TreeMap<>(duplicates);
    }

    /** The selection that reproduces these files: the same one, bounded at the sequence this read stopped at. */
    public CorpusSelection reproduction() {
        return new CorpusSelection(selection.fromSequence(), lastSequenceRead, selection.from(), selection.to(),
                selection.worldIds(), selection.eventTypes(), selection.datasets(), selection.holdout(), selection.seed());
    }

    static String digestOf(List<CorpusFile> files) {
        MessageDigest sha = DatasetFiles.sha256();
        files.forEach(file -> sha.update((file.name() + " " + file.sha256() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
