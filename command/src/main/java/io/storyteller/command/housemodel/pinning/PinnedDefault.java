package io.storyteller.command.housemodel.pinning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which stored version of a house model key serves when no deployment slot names one: a pinned
 * version, never simply the newest, so that a retrained version serves only after a rollout (or an
 * admin pins it). Kept as {@code <keyDirectory>/default-version} (the number, one line), replaced
 * atomically. The first version stored is pinned; a key stored before pins existed pins the newest
 * version it has, which is the one it served until then.
 */
public final class PinnedDefault {

    static final String FILE = "default-version";

    private final Path keyDirectory;

    public PinnedDefault(Path keyDirectory) {
        this.keyDirectory = keyDirectory;
    }

    /** The pinned number as written, whether or not that version is still stored. */
    public OptionalInt read() {
        try {
            String text = Files.readString(keyDirectory.resolve(FILE), StandardCharsets.UTF_8).strip();
            return text.matches("[1-9][0-9]{0,8}") ? OptionalInt.of(Integer.parseInt(text)) : OptionalInt.empty();
        } catch (NoSuchFileException absent) {
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default version in " + keyDirectory, e);
        }
    }

    public void write(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("a version is 1, 2, …: " + version);
        }
        try {
            Files.createDirectories(keyDirectory);
            Path temporary = Files.createTempFile(keyDirectory, ".pinning-", ".tmp");
            Files.writeString(temporary, version + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, keyDirectory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pin version " + version + " in " + keyDirectory, e);
        }
    }

    /**
     * The version that serves, given the stored ones (ascending): the pinned one; if it is no longer
     * stored, the newest stored below it (else the oldest), without moving the pin. With no pin, the
     * newest is pinned now and serves. Empty when nothing is stored.
     */
    public OptionalInt resolve(List<Integer> stored) {
        if (stored.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalInt pinned = read();
        if (pinned.isEmpty()) {
            int newest = stored.getLast();
            write(newest);
            return OptionalInt.of(newest);
        }
        int pin = pinned.getAsInt();
        if (stored.contains(pin)) {
            return pinned;
        }
        return OptionalInt.of(stored.stream().filter(version -> version < pin).reduce((a, b) -> b).orElse(stored.getFirst()));
    }

    /**
     * Before a new version is stored: a key without a pin pins what serves now (its newest), so the
     * new version does not serve by being newer.
     */
    public void beforeSaving(List<Integer> stored) {
        if (read().isEmpty() && !stored.isEmpty()) {
            write(stored.getLast());
        }
    }

    /** After a version is stored: the first version of a key becomes its default. */
    public void afterSaving(int version) {
        if (read().isEmpty()) {
            write(version);
        }
    }
}
