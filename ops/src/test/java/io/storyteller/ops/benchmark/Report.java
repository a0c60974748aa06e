package io.storyteller.ops.benchmark;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures as tables on stdout. */
final class Report {

    private final StringBuilder out = new StringBuilder();

    Report header(double bootSeconds, boolean retrain) {
        out.append('\n').append("== Storyteller benchmark ==").append('\n');
        line("JDK %s, %d cores, startup %.1f s (fresh data directory), house model retraining %s; %s",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), bootSeconds,
                retrain ? "on (every 10 s)" : "off", load());
        return this;
    }

    Report rawInserts(List<RawInserts.Result> results) {
        out.append('\n').append("(p) PostgreSQL alone: single-row inserts into an event-shaped table, one commit each (synchronous commit on)").append('\n');
        line("%-8s %9s %8s %10s", "clients", "rows", "secs", "rows/s");
        for (RawInserts.Result r : results) {
            line("%-8d %9d %8.2f %10.1f", r.clients(), r.rows(), r.seconds(), r.rowsPerSecond());
        }
        line("  %s", load());
        return this;
    }

    Report writePath(List<WritePath.Result> results, List<RawInserts.Result> raw) {
        out.append('\n').append("(a) Write path of a turn: SubmitPlayerAction + RecordNarration (narration engine stopped)").append('\n');
        line("%-8s %7s %8s %8s %11s | %-6s %7s %7s %7s %13s | %-6s %7s %7s %7s",
                "players", "turns", "secs", "turns/s", "commands/s", "Submit", "p50 ms", "p95 ms", "p99 ms",
                "p50 1st/last", "Record", "p50 ms", "p95 ms", "p99 ms");
        for (WritePath.Result w : results) {
            line("%-8d %7d %8.2f %8.1f %11.1f | %-6s %7.2f %7.2f %7.2f %6.2f/%6.2f | %-6s %7.2f %7.2f %7.2f%s",
                    w.players(), w.turns(), w.seconds(), w.turnsPerSecond(), 2 * w.turnsPerSecond(),
                    "", w.submit().percentileMillis(0.50), w.submit().percentileMillis(0.95), w.submit().percentileMillis(0.99),
                    w.submitEarly().percentileMillis(0.50), w.submitLate().percentileMillis(0.50),
                    "", w.record().percentileMillis(0.50), w.record().percentileMillis(0.95), w.record().percentileMillis(0.99),
                    capped(w.truncated()));
        }
        line("  p50 1st/last: Submit p50 over each player's first and last tenth of measured turns (the story grows)");
        for (WritePath.Result w : results) {
            raw.stream().filter(r -> r.clients() == w.players()).findFirst().ifPresent(r -> line(
                    "  %d player(s): %.1f commands/s = %.0f %% of PostgreSQL's %.1f single-row commits/s with as many clients",
                    w.players(), 2 * w.turnsPerSecond(), 100 * 2 * w.turnsPerSecond() / r.rowsPerSecond(), r.rowsPerSecond()));
        }
        line("  %s", load());
        return this;
    }

    Report houseTurns(double firstTurnMillis, List<HouseTurns.Result> results) {
        out.append('\n').append("(b) Full turn with the house model: SubmitPlayerAction until the narration reaches the story's watcher").append('\n');
        line("first turn in the world (its house model is trained first): %.0f ms", firstTurnMillis);
        line("%-8s %7s %7s %8s %8s | %9s %9s %9s | %s",
                "players", "turns", "failed", "secs", "turns/s", "p50 ms", "p95 ms", "p99 ms",
                "p50 ms: action seen / narration recorded / model");
        for (HouseTurns.Result h : results) {
            line("%-8d %7d %7d %8.2f %8.1f | %9.1f %9.1f %9.1f | %12.1f / %8.1f / %8.1f%s",
                    h.players(), h.turns(), h.failed(), h.seconds(), h.turnsPerSecond(),
                    h.turn().percentileMillis(0.50), h.turn().percentileMillis(0.95), h.turn().percentileMillis(0.99),
                    h.actionVisible().percentileMillis(0.50), h.recorded().percentileMillis(0.50),
                    h.model().percentileMillis(0.50), capped(h.truncated()));
        }
        line("  %s", load());
        return this;
    }

    Report catchUp(long events, long snapshottedAggregates, long largestSnapshotBytes, String snapshotThreshold,
                   List<ProjectionCatchUp.Result> results) {
        out.append('\n').append("(c) Projection catch-up: processor shut down, tokens reset, started; timed until every segment is at the head").append('\n');
        line("event store: %d events; %d aggregates have a snapshot (taken every %s events of an aggregate, the latest kept),"
                + " the largest %,d bytes", events, snapshottedAggregates, snapshotThreshold, largestSnapshotBytes);
        line("%-10s %8s %10s %9s %9s %11s %10s  %s",
                "processor", "events", "head index", "segments", "reset s", "catch-up s", "events/s",
                "read model rows (equal before and after)");
        for (ProjectionCatchUp.Result c : results) {
            line("%-10s %8d %10d %9d %9.3f %11.2f %10.0f  %s",
                    c.group(), c.events(), c.head(), c.segments(), c.resetSeconds(), c.catchUpSeconds(),
                    c.eventsPerSecond(), c.rows());
        }
        line("  %s", load());
        return this;
    }

    void print() {
        System.out.print(out);
        System.out.flush();
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Other work on the machine skews every figure: the load average is printed beside them. */
    private static String load() {
        return String.format(Locale.ROOT, "load average (1 min) now: %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String capped(boolean truncated) {
        return truncated ? "  (stopped at the time cap)" : "";
    }
}
