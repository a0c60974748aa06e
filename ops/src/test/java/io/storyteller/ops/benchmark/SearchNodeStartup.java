package io.storyteller.ops.benchmark;

import io.storyteller.ops.search.EmbeddedOpenSearchNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (c) The embedded OpenSearch node alone: each start in a JVM of its own (as an application start
 * pays it: OpenSearch's classes loaded cold), on a fresh directory, until the cluster is yellow with
 * the k-NN plugin loaded and HTTP serving; then the node is closed and the JVM ends.
 */
final class SearchNodeStartup {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final Pattern STARTED = Pattern.compile("node-started-ms=(\\d+)");

    /** One start and its time, measured in a child JVM: {@code [node directory]}. */
    public static void main(String[] args) throws IOException {
        System.getProperties().putIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.core.impl.Log4jContextFactory");
        long t0 = System.nanoTime();
        try (EmbeddedOpenSearchNode node = EmbeddedOpenSearchNode.start(Path.of(args[0]), STARTUP_LIMIT)) {
            System.err.println("node-started-ms=" + (System.nanoTime() - t0) / 1_000_000);
        }
        System.exit(0);
    }

    private SearchNodeStartup() {
    }

    /** Node start times in milliseconds, one child JVM each, in the order measured. */
    static List<Double> measure(Path root, int starts) throws IOException, InterruptedException {
        List<Double> millis = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < starts; i++) {
            Path directory = Files.createTempDirectory(Files.createDirectories(root).toAbsolutePath(), "node-");
            Path output = directory.resolveSibling(directory.getFileName() + ".log");
            Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), SearchNodeStartup.class.getName(), directory.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(STARTUP_LIMIT.toSeconds() + 60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("the node did not start within " + STARTUP_LIMIT + "; see " + output);
            }
            Matcher started = STARTED.matcher(Files.readString(output, StandardCharsets.UTF_8));
            if (child.exitValue() != 0 || !started.find()) {
                throw new IllegalStateException("the node failed to start (exit " + child.exitValue() + "); see " + output);
            }
            millis.add(Double.parseDouble(started.group(1)));
        }
        return millis;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
