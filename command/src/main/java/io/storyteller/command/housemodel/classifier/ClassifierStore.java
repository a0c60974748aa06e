package io.storyteller.command.housemodel.classifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.pinning.PinnedDefault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * House classifier versions on disk, versioned like the house narrator models:
 * {@code <root>/<modelKey>/v<N>/} holding {@code model.onnx}, {@code layout.json} (feature table and
 * labels) and {@code model.json}. A version is written into a hidden {@code .writing-*} directory and
 * renamed into place, so a reader never sees half a version.
 */
public final class ClassifierStore {

    static final String MODEL_FILE = "model.onnx";
    static final String LAYOUT_FILE = "layout.json";
    static final String METADATA_FILE = "model.json";
    private static final Pattern MODEL_KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("v([1-9][0-9]{0,8})");

    private final Path root;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ClassifierStore(Path root) {
        this(root, Clock.systemUTC());
    }

    ClassifierStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** The artifact address the registry records: independent of where the data directory is mounted. */
    public static String uri(String modelKey, int version) {
        return "house-classifier://" + modelKey + "/v" + version;
    }

    /** Exports and stores the classifier as the key's next version. */
    public synchronized ClassifierMetadata save(String modelKey, TrainedClassifier trained, CorpusRange range,
            String trainedOn) {
        Path keyDirectory = keyDirectory(modelKey);
        Path temporary = null;
        try {
            Files.createDirectories(keyDirectory);
            PinnedDefault pin = new PinnedDefault(keyDirectory);
            pin.beforeSaving(versions(modelKey));
            int version = nextVersion(modelKey);
            temporary = Files.createTempDirectory(keyDirectory, ".writing-");
            byte[] onnx = trained.toOnnx();
            ClassifierMetadata metadata = new ClassifierMetadata(modelKey, version, clock.instant(), sha256(onnx),
                    trained.layout().labels(), trained.layout().width(), trained.examples(), range, trainedOn,
                    trained.options());
            write(temporary.resolve(MODEL_FILE), onnx);
            write(temporary.resolve(LAYOUT_FILE), json.writeValueAsBytes(trained.layout()));
            write(temporary.resolve(METADATA_FILE), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata));
            Path target = keyDirectory.resolve("v" + version);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "another writer stored this version");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            pin.afterSaving(version);
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store house classifier '" + modelKey + "' under " + root, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    public Optional<ClassifierMetadata> latest(String modelKey) {
        return versions(modelKey).stream().max(Integer::compare).map(version -> metadata(modelKey, version));
    }

    /**
     * The version that judges when no deployment slot names one: the key's pinned default (the first
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
            return children.map(child -> VERSION_DIRECTORY.matcher(child.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> Integer.parseInt(m.group(1))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list house classifier versions in " + keyDirectory, e);
        }
    }

    public ClassifierMetadata metadata(String modelKey, int version) {
        try {
            return json.readValue(versionDirectory(modelKey, version).resolve(METADATA_FILE).toFile(),
                    ClassifierMetadata.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read house classifier '" + modelKey + "' v" + version, e);
        }
    }

    /** The size of the version's {@code model.onnx}, for the registry's artifact record. */
    public long modelSize(String modelKey, int version) {
        try {
            return Files.size(versionDirectory(modelKey, version).resolve(MODEL_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read house classifier '" + modelKey + "' v" + version, e);
        }
    }

    /**
     * Opens one version after checking {@code model.onnx} against its recorded SHA-256. The caller
     * owns (and closes) the runtime.
     */
    public ClassifierRuntime load(String modelKey, int version) {
        Path directory = versionDirectory(modelKey, version);
        ClassifierMetadata metadata = metadata(modelKey, version);
        try {
            byte[] onnx = Files.readAllBytes(directory.resolve(MODEL_FILE));
            if (!sha256(onnx).equals(metadata.sha256())) {
                throw new IllegalStateException("house classifier '" + modelKey + "' v" + version
                        + " is corrupt: model.onnx does not match the SHA-256 in model.json");
            }
            ClassifierLayout layout = json.readValue(directory.resolve(LAYOUT_FILE).toFile(), ClassifierLayout.class);
            return new ClassifierRuntime(onnx, layout, metadata.modelName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read house classifier files in " + directory, e);
        }
    }

    /** The directory of one stored version (what a training outcome names as its artifact). */
    public Path versionDirectory(String modelKey, int version) {
        Path directory = keyDirectory(modelKey).resolve("v" + version);
        if (version < 1 || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("house classifier '" + modelKey + "' has no version " + version
                    + " (stored: " + versions(modelKey) + ", store: " + root + ")");
        }
        return directory;
    }

    private Path keyDirectory(String modelKey) {
        if (modelKey == null || !MODEL_KEY.matcher(modelKey).matches()) {
            throw new IllegalArgumentException("a classifier key is 1-64 lower-case letters, digits or '-': " + modelKey);
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

    /** Forced to disk before the rename, so a crash cannot leave an empty file in a complete-looking version. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover hidden directory is never read as a version.
        }
    }
}
