package io.storyteller.ops.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the benchmark runs, from system properties (all optional).
 *
 * @param turns            measured turns per write-path configuration ({@code bench.turns}, 2000), shared by its players
 * @param warmupTurns      unmeasured turns before them ({@code bench.warmupTurns}, 400)
 * @param houseTurns       measured turns per house-model configuration ({@code bench.houseTurns}, 80)
 * @param houseWarmupTurns unmeasured turns before them ({@code bench.houseWarmupTurns}, 16)
 * @param players          the configurations: concurrent players ({@code bench.players}, "1,8")
 * @param phaseLimit       cap on every run, measured or not ({@code bench.phaseSeconds}, 120)
 * @param retrain          leave the house model's periodic retraining on ({@code bench.retrain}, false)
 * @param dataRoot         where the fresh data directory is made ({@code bench.dataRoot}, ops/target/benchmark-data)
 * @param parts            which measurements run ({@code bench.parts}, "p,a,b,c"); (c) replays whatever the log then holds
 * @param stopped          processors stopped while the write path runs ({@code bench.stopped}, none; e.g.
 *                         "beat-index,story-fact-reading"): the commands' own cost apart from the work each
 *                         stored beat starts
 */
record BenchmarkSettings(int turns, int warmupTurns, int houseTurns, int houseWarmupTurns, int[] players,
                         Duration phaseLimit, boolean retrain, Path dataRoot, Set<String> parts, Set<String> stopped) {

    static BenchmarkSettings fromSystemProperties() {
        int[] players = Arrays.stream(System.getProperty("bench.players", "1,8").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        if (players.length == 0 || Arrays.stream(players).anyMatch(p -> p < 1)) {
            throw new IllegalArgumentException("bench.players must list positive numbers");
        }
        return new BenchmarkSettings(
                Integer.getInteger("bench.turns", 2000),
                Integer.getInteger("bench.warmupTurns", 400),
                Integer.getInteger("bench.houseTurns", 80),
                Integer.getInteger("bench.houseWarmupTurns", 16),
                players,
                Duration.ofSeconds(Integer.getInteger("bench.phaseSeconds", 120)),
                Boolean.getBoolean("bench.retrain"),
                Path.of(System.getProperty("bench.dataRoot", defaultDataRoot())),
                names(System.getProperty("bench.parts", "p,a,b,c")),
                names(System.getProperty("bench.stopped", "")));
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    int maxPlayers() {
        return Arrays.stream(players).max().orElse(1);
    }

    /** ops/target/benchmark-data, whether started from the repository root or from ops/. */
    private static String defaultDataRoot() {
        return Files.isDirectory(Path.of("ops", "src")) ? "ops/target/benchmark-data" : "target/benchmark-data";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "parts %s: write path %d turns (+%d warm-up), house model %d turns (+%d warm-up), players %s, cap %d s per run%s",
                parts.stream().sorted().toList(), turns, warmupTurns, houseTurns, houseWarmupTurns, Arrays.toString(players),
                phaseLimit.toSeconds(), stopped.isEmpty() ? "" : ", stopped during the write path: " + stopped.stream().sorted().toList());
    }
}
