package io.storyteller.ops.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The figures of a load run, as plain lines a benchmark page can quote. */
record LoadReport(LoadPlan plan, String runId, LoadTally tally, Duration connectTime, Duration played, ServerMemory memory) {

    void print(PrintWriter out) {
        out.printf("load run %s: %d sessions %s, %d players at most %.1f actions/s in all, %d s, against %s%n", runId,
                plan.sessions(), plan.broadcast() ? "watching one story" : "each watching its own story",
                plan.players(), plan.rate(), played.toSeconds(), plan.server());
        out.printf("connected      %d of %d in %.1f s (connect failures %d)%n", tally.connected.get(), plan.sessions(),
                connectTime.toMillis() / 1000.0, tally.connectFailures.get());
        out.printf("dropped        %d%s%n", tally.dropped.get(), tally.closeCodes.isEmpty() ? "" : " " + counts(tally.closeCodes));
        out.printf("events         %d received%n", tally.events.sum());
        out.printf("actions        %d submitted%n", tally.actions.get());
        out.printf("delivery       %s  (NarrationRecorded timestamp -> beat received, every watcher)%n", tally.delivery.summary());
        out.printf("action->beat   %s  (submitPlayerAction sent -> its narration received, players)%n",
                tally.actionToNarration.summary());
        out.printf("errors         %d%s%n", tally.errors.get(), tally.errorKinds.isEmpty() ? "" : " " + counts(tally.errorKinds));
        if (memory != null) {
            out.printf("server memory  RSS %s, peak %s, threads %s%n", mib(memory.residentKib().orElse(-1)),
                    mib(memory.peakKib().orElse(-1)), memory.threads().isPresent() ? memory.threads().getAsLong() : "?");
        } else {
            out.println("server memory  not read (pass --server-pid to read the server's RSS from /proc)");
        }
        out.flush();
    }

    private static String counts(Map<String, AtomicLong> counts) {
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, AtomicLong>comparingByValue(
                Comparator.comparingLong(AtomicLong::get)).reversed()).limit(8)
                .forEach(entry -> text.append("\n               ").append(entry.getValue().get()).append(" x ").append(entry.getKey()));
        return text.toString();
    }

    private static String mib(long kib) {
        return kib < 0 ? "?" : "%d MiB".formatted(kib / 1024);
    }
}
