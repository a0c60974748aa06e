package io.storyteller.command.housemodel.training;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.pinning.PinnedDefault;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.text.TokenizerJson;
import io.storyteller.command.housemodel.text.WordTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * House model versions on disk: {@code <root>/<modelKey>/v<N>/} holding {@code model.onnx},
 * {@code tokenizer.json} and {@code model.json}. A version is written into a hidden temporary
 * directory ({@code .writing-*}, ignored when listing) and renamed into place, so readers never
 * see a half-written version. Saves through one store instance are serialised; a second process
 * saving the same key at the same moment fails rather than overwrite.
 */
public final class HouseModelStore {

    static final String MODEL_FILE = "model.onnx";
    static final String TOKENIZER_FILE = "tokenizer.json";
    static final String METADATA_FILE = "model.json";
    private static final Pattern MODEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final String TEMPORARY_PREFIX = ".writing-";

    private final Path root;
    private final Clock clock;
    private final VersionFileWriter writer;
    private final HouseModelExporter exporter = new HouseModelExporter();
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** A store rooted at the given directory (created on first save). */
    public HouseModelStore(Path root) {
        this(root, Clock.systemUTC(), VersionFileWriter.DURABLE);
    }

    HouseModelStore(Path root, Clock clock, VersionFileWriter writer) {
        this.root = root;
        this.clock = clock;
        this.writer = writer;
    }

    /**
     * Exports and stores the model as the key's next version.
     *
     * @return the metadata written to {@code model.json}
     */
    public synchronized HouseModelMetadata save(String modelKey, TrainedHouseModel model, CorpusRange corpusRange) {
        Path keyDirectory = keyDirectory(modelKey);
        Path temporary = null;
        try {
            Files.createDirectories(keyDirectory);
            PinnedDefault pin = new PinnedDefault(keyDirectory);
            pin.beforeSaving(versions(modelKey));
            int version = nextVersion(modelKey);
            temporary = Files.createTempDirectory(keyDirectory, TEMPORARY_PREFIX);
            byte[] onnx = exporter.toOnnx(model);
            writer.write(temporary.resolve(MODEL_FILE), onnx);
            writer.write(temporary.resolve(TOKENIZER_FILE),
                    TokenizerJson.write(model.vocabulary()).getBytes(StandardCharsets.UTF_8));
            CorpusStatistics statistics = model.statistics();
            HouseModelMetadata metadata = new HouseModelMetadata(modelKey, version, clock.instant(), sha256(onnx),
                    model.vocabulary().size(), statistics.documents(), statistics.tokens(), corpusRange, model.settings());
            writer.write(temporary.resolve(METADATA_FILE), json.writeValueAsBytes(metadata));
            Path target = keyDirectory.resolve("v" + version);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "another writer stored this version");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            forceDirectory(keyDirectory);
            pin.afterSaving(version);
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store house model '" + modelKey + "' under " + root, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The metadata of the newest complete version, if any. */
    public Optional<HouseModelMetadata> latest(String modelKey) {
        return versions(modelKey).stream().max(Integer::compare).map(version -> metadata(modelKey, version));
    }

    /**
     * The version that serves the key when no deployment names one: its pinned default (the first
     * version stored, or the one an admin pinned), not its newest. See {@link PinnedDefault}.
     */
    public OptionalInt defaultVersion(String modelKey) {
        PinnedDefault pin = new PinnedDefault(keyDirectory(modelKey));
        if (pin.read().isPresent()) {
            return pin.resolve(versions(modelKey)); // the common case: read only, never waiting for a save
        }
        synchronized (this) {
            // A key stored before pins: pin its newest, never racing a save that is adding a newer one.
            return pin.resolve(versions(modelKey));
        }
    }

    /** Makes a stored version the key's default. */
    public synchronized void pin(String modelKey, int version) {
        versionDirectory(modelKey, version);
        new PinnedDefault(keyDirectory(modelKey)).write(version);
    }

    /** The version number the next {@link #save} of this key will use. */
    public int nextVersion(String modelKey) {
        return versions(modelKey).stream().max(Integer::compare).orElse(0) + 1;
    }

    /** Complete versions of the key, ascending. */
    public List<Integer> versions(String modelKey) {
        Path keyDirectory = keyDirectory(modelKey);
        if (!Files.isDirectory(keyDirectory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(keyDirectory)) {
            return children
                    .map(child -> VERSION_DIRECTORY.matcher(child.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list house model versions in " + keyDirectory, e);
        }
    }

    /** The stored metadata of one version. */
    public HouseModelMetadata metadata(String modelKey, int version) {
        Path file = versionDirectory(modelKey, version).resolve(METADATA_FILE);
        try {
            return json.readValue(file.toFile(), HouseModelMetadata.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Opens one version for generation, after checking {@code model.onnx} against its recorded
     * SHA-256. The caller owns (and must close) the returned runtime; keep one per version.
     *
     * @throws HouseModelNotFoundException if the version is not stored
     */
    public HouseModelRuntime load(String modelKey, int version) {
        Path directory = versionDirectory(modelKey, version);
        HouseModelMetadata metadata = metadata(modelKey, version);
        try {
            byte[] onnx = Files.readAllBytes(directory.resolve(MODEL_FILE));
            if (!sha256(onnx).equals(metadata.sha256())) {
                throw new IllegalStateException("house model '" + modelKey + "' v" + version
                        + " is corrupt: model.onnx does not match the SHA-256 in model.json");
            }
            WordTokenizer tokenizer = WordTokenizer.load(directory.resolve(TOKENIZER_FILE));
            try {
                return new HouseModelRuntime(onnx, tokenizer, metadata.modelName());
            } catch (OrtException | RuntimeException e) {
                tokenizer.close();
                throw new IllegalStateException("ONNX Runtime cannot open " + directory.resolve(MODEL_FILE), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read house model files in " + directory, e);
        }
    }

    /** Opens the newest version of the key. */
    public HouseModelRuntime loadLatest(String modelKey) {
        return load(modelKey, versions(modelKey).stream().max(Integer::compare).orElseThrow(() ->
                new HouseModelNotFoundException("no house model '" + modelKey + "' has been trained yet (store: " + root + ")")));
    }

    /** The directory of one stored version (what a training outcome names as its artifact). */
    public Path versionDirectory(String modelKey, int version) {
        Path directory = keyDirectory(modelKey).resolve("v" + version);
        if (version < 1 || !Files.isDirectory(directory)) {
            throw new HouseModelNotFoundException("house model '" + modelKey + "' has no version " + version
                    + " (stored versions: " + versions(modelKey) + ", store: " + root + ")");
        }
        return directory;
    }

    private Path keyDirectory(String modelKey) {
        if (modelKey == null || !MODEL_KEY.matcher(modelKey).matches()) {
            throw new IllegalArgumentException("a model key is 1–128 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit: " + modelKey);
        }
        return root.resolve(modelKey);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, and then it is skipped. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // The version is complete either way; only its survival of a power cut is less certain.
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover hidden temporary directory is never read as a version.
        }
    }
}
