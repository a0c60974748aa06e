package io.storyteller.ops.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by this JVM, alone or with its child processes (the embedded PostgreSQL's server
 * and backends), from {@code /proc}; children that already ended are not counted. Zero for the
 * children where {@code /proc} is missing.
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuTime() {
    }

    static double ofThisProcessAndChildren() {
        return ofThisProcess() + ProcessHandle.current().descendants().mapToDouble(CpuTime::ofProcess).sum();
    }

    /** CPU seconds used so far by this JVM alone. */
    static double ofThisProcess() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    private static double ofProcess(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the fields after the command name (which may hold spaces) in parentheses; utime and stime are 14th and 15th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
