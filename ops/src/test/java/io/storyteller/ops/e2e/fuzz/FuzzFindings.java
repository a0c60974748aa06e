package io.storyteller.ops.e2e.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The unsound answers of a fuzz run, gathered per root field and reported together: grouped by
 * position and problem, each group naming the kinds of bad value that caused it and one answer.
 * Safe to record into from several threads. Every finding is also appended to {@code target/fuzz-findings.tsv}, one line each, for triage.
 */
final class FuzzFindings {

    private static final Path LOG = Path.of("target", "fuzz-findings.tsv");

    /** One unsound answer. */
    record Finding(String field, String where, String valueKind, String role, String problem, String reply) {
    }

    private final Map<String, List<Finding>> byField = new LinkedHashMap<>();

    synchronized void record(String field, String where, String valueKind, String role, FuzzHttp.Reply reply) {
        for (String problem : Verdict.problems(reply)) {
            Finding finding = new Finding(field, where, valueKind, role, problem, Verdict.shorten(reply.toString()));
            byField.computeIfAbsent(field, key -> new ArrayList<>()).add(finding);
            log(finding);
        }
    }

    /** Fails with every finding of the field, grouped, and forgets them. */
    synchronized void assertNone(String field) {
        List<Finding> found = byField.remove(field);
        if (found == null) {
            return;
        }
        Map<String, List<Finding>> groups = found.stream().collect(Collectors.groupingBy(
                finding -> finding.where() + ": " + finding.problem(), LinkedHashMap::new, Collectors.toList()));
        String report = groups.entrySet().stream().map(group -> "  " + group.getKey() + "\n    for "
                + group.getValue().stream().map(f -> f.valueKind() + " [" + f.role() + "]").distinct()
                .collect(Collectors.joining(", "))
                + "\n    e.g. " + group.getValue().getFirst().reply()).collect(Collectors.joining("\n"));
        throw new AssertionError(field + ": " + found.size() + " unsound answers\n" + report);
    }

    private static void log(Finding finding) {
        String line = String.join("\t", finding.field(), finding.where(), finding.valueKind(), finding.role(),
                finding.problem(), finding.reply()) + "\n";
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
