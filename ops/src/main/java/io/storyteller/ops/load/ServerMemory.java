package io.storyteller.ops.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The server process's resident memory, read from {@code /proc/<pid>/status} (Linux). */
final class ServerMemory {

    private final Path status;

    ServerMemory(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    /** Resident now (VmRSS), in KiB. */
    OptionalLong residentKib() {
        return field("VmRSS:");
    }

    /** The most it was ever resident (VmHWM), in KiB. */
    OptionalLong peakKib() {
        return field("VmHWM:");
    }

    /** Threads of the process now. */
    OptionalLong threads() {
        return field("Threads:");
    }

    private OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return OptionalLong.of(Long.parseLong(line.substring(name.length()).replace("kB", "").strip()));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
