package io.storyteller.command.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dataset files of one export: two JSON-lines files per dataset ({@code <dataset>.train.jsonl},
 * {@code <dataset>.holdout.jsonl}). A record whose normalised texts were already written to its
 * dataset is dropped, whichever split it would fall in; the split follows the record's story.
 */
final class DatasetFiles implements Consumer<CorpusRecord>, AutoCloseable {

    static final String TRAIN = CorpusDataset.TRAIN;
    static final String HOLDOUT = CorpusDataset.HOLDOUT;

    private static final class SplitFile {
        final String name;
        final MessageDigest sha;
        final OutputStream out;
        long records;
        String sha256;

        SplitFile(Path directory, String name) throws IOException {
            this.name = name;
            this.sha = sha256();
            this.out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(directory.resolve(name)), sha), 1 << 16);
        }
    }

    record Seen(long high, long low) {
    }

    private final ObjectMapper json;
    private final Pseudonyms pseudonyms;
    private final double holdout;
    private final Map<CorpusDataset, SplitFile[]> files = new EnumMap<>(CorpusDataset.class);
    private final Map<CorpusDataset, SeenTexts> seen = new EnumMap<>(CorpusDataset.class);
    private final Map<CorpusDataset, Long> duplicates = new EnumMap<>(CorpusDataset.class);

    DatasetFiles(Path directory, List<CorpusDataset> datasets, ObjectMapper json, Pseudonyms pseudonyms, double holdout)
            throws IOException {
        this.json = json;
        this.pseudonyms = pseudonyms;
        this.holdout = holdout;
        Files.createDirectories(directory);
        for (CorpusDataset dataset : datasets) {
            files.put(dataset, new SplitFile[] {
                    new SplitFile(directory, dataset.fileName(TRAIN)),
                    new SplitFile(directory, dataset.fileName(HOLDOUT))});
            seen.put(dataset, new SeenTexts());
            duplicates.put(dataset, 0L);
        }
    }

    @Override
    public void accept(CorpusRecord record) {
        SplitFile[] split = files.get(record.dataset());
        if (split == null) {
            return; // a dataset not asked for
        }
        Seen hash = seen(record.identity());
        if (!seen.get(record.dataset()).add(hash.high(), hash.low())) {
            duplicates.merge(record.dataset(), 1L, Long::sum);
            return;
        }
        SplitFile file = pseudonyms.unit(record.group()) < holdout ? split[1] : split[0];
        try {
            file.out.write(json.writeValueAsBytes(record.fields()));
            file.out.write('\n');
            file.records++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file.name, e);
        }
    }

    /** The files in manifest order (datasets in their order, train before holdout), once closed. */
    List<CorpusFile> written() {
        List<CorpusFile> written = new ArrayList<>();
        files.forEach((dataset, split) -> {
            written.add(new CorpusFile(dataset, TRAIN, split[0].name, split[0].records, split[0].sha256));
            written.add(new CorpusFile(dataset, HOLDOUT, split[1].name, split[1].records, split[1].sha256));
        });
        return written;
    }

    Map<CorpusDataset, Long> duplicates() {
        return Map.copyOf(duplicates);
    }

    @Override
    public void close() throws IOException {
        for (SplitFile[] split : files.values()) {
            for (SplitFile file : split) {
                if (file.sha256 == null) {
                    file.out.close();
                    file.sha256 = HexFormat.of().formatHex(file.sha.digest());
                }
            }
        }
    }

    /**
     * Case, spacing and Unicode form do not make two texts different. Two independent 64-bit hashes
     * of the normalised text, computed as it is scanned: a collision among even 10^9 records is
     * beyond chance, and no copy of a long prompt is made.
     */
    static Seen seen(String identity) {
        String form = identity;
        for (int i = 0; i < identity.length(); i++) {
            if (identity.charAt(i) >= 128) {
                form = Normalizer.normalize(identity, Normalizer.Form.NFKC);
                break;
            }
        }
        long fnv = 0xcbf29ce484222325L;
        long poly = 0x9e3779b97f4a7c15L;
        boolean space = false;
        boolean started = false;
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (Character.isWhitespace(c)) {
                space = started;
                continue;
            }
            if (space) {
                fnv = (fnv ^ ' ') * 0x100000001b3L;
                poly = poly * 0xff51afd7ed558ccdL + ' ';
                space = false;
            }
            char lower = Character.toLowerCase(c);
            fnv = (fnv ^ lower) * 0x100000001b3L;
            poly = poly * 0xff51afd7ed558ccdL + lower;
            started = true;
        }
        return new Seen(fnv, Long.rotateLeft(poly, 31) ^ poly >>> 17);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
