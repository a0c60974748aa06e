package io.storyteller.ops.benchmark;

import io.storyteller.ops.benchmark.PipelineTurns.Judged;
import io.storyteller.ops.benchmark.PipelineTurns.Parts;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The pipeline benchmark's figures as Markdown tables, printed as they come and kept for the end. */
final class PipelineReport {

    private final StringBuilder out = new StringBuilder();
    private final PrintStream progress;

    PipelineReport(PrintStream progress) {
        this.progress = progress;
    }

    PipelineReport line(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        progress.println(line);
        out.append(line).append('\n');
        return this;
    }

    PipelineReport turns(List<Parts> turns) {
        line("");
        line("Pipeline overhead per turn, excluding the model (%d measured turns; ms)", turns.size());
        line("");
        line("| part | p50 | p95 | p99 | mean |");
        line("|---|---:|---:|---:|---:|");
        row("player-input guard (command interceptor: story's world, guardrail at the rating)", turns, Parts::guard);
        row("(not overhead, not in the total: the action's command stored and answered; the recall starts after its commit)",
                turns, Parts::store);
        row("context fold (world and story streams, new events only)", turns, Parts::fold);
        row("recall, what the turn still waits for: RecallForTurn (the action embedded once, lore and memory in one "
                + "_msearch, begun when the action's command committed), route lookup beside it", turns, Parts::recall);
        row("prompt assembly (lore activation, budget, brief)", turns, Parts::assemble);
        judged("1 candidate", turns, Parts::one);
        judged("3 candidates", turns, Parts::three);
        row("**total, 1 candidate**", turns, p -> p.total(p.one()));
        row("**total, 3 candidates**", turns, p -> p.total(p.three()));
        return this;
    }

    private void judged(String label, List<Parts> turns, java.util.function.Function<Parts, Judged> which) {
        row("judge, " + label, turns, p -> which.apply(p).judge());
        // the stages run side by side: their times overlap and add up to more than the judge's
        row("  stage time: continuity review, all candidates", turns, p -> which.apply(p).stages()[0]);
        row("  stage time: coherence (one EmbedTexts of the candidates)", turns, p -> which.apply(p).stages()[1]);
        row("  stage time: detector, all candidates", turns, p -> which.apply(p).stages()[2]);
        row("  stage time: guardrail, all candidates", turns, p -> which.apply(p).stages()[3]);
        row("selection, " + label, turns, p -> which.apply(p).select());
    }

    PipelineReport perCall(String title, List<Object[]> rows) {
        line("");
        line(title);
        line("");
        line("| per candidate or text | calls | p50 | p95 | p99 | mean |");
        line("|---|---:|---:|---:|---:|---:|");
        for (Object[] row : rows) {
            Latencies latencies = (Latencies) row[1];
            line("| %s | %d | %.3f | %.3f | %.3f | %.3f |", row[0], latencies.count(), latencies.percentileMillis(0.50),
                    latencies.percentileMillis(0.95), latencies.percentileMillis(0.99), latencies.meanMillis());
        }
        return this;
    }

    PipelineReport load() {
        return line("load average (1 min) now: %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    String text() {
        return out.toString();
    }

    private void row(String label, List<Parts> turns, ToLongFunction<Parts> part) {
        Latencies latencies = new Latencies();
        turns.forEach(p -> latencies.add(part.applyAsLong(p)));
        line("| %s | %.2f | %.2f | %.2f | %.2f |", label, latencies.percentileMillis(0.50), latencies.percentileMillis(0.95),
                latencies.percentileMillis(0.99), latencies.meanMillis());
    }
}
