package io.storyteller.ops.cli;

import io.storyteller.command.continuity.ContinuityCaseReader;
import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.continuity.ContinuityScorecard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval continuity --file F.jsonl}: runs the continuity check on each labelled case and prints
 * precision, recall and F1 for contradictions, the confusion counts, and the same per kind when the
 * cases name one. Lines that break the format are listed (line number, field, rule) and left out.
 */
@Command(name = "continuity", mixinStandardHelpOptions = true,
        description = "Precision, recall and F1 of the continuity check on a labelled set "
                + "({\"id\",\"genre\",\"lore\",\"story\",\"candidate\",\"label\"} per line).")
class EvaluateContinuity implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, description = "The labelled set, one JSON case per line.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ContinuityCaseReader.Reading reading;
        try {
            reading = new ContinuityCaseReader().read(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("--file: cannot read " + file + " (" + e.getMessage() + ")");
            return 2;
        }
        reading.badLines().forEach(bad -> err.println("skipped " + bad));
        if (reading.cases().isEmpty()) {
            err.println("--file: no valid case in " + file);
            return 1;
        }
        ContinuityScorecard card = ContinuityScorecard.score(new ContinuityCheck(), reading.cases());
        out.printf("continuity: %d cases (%d skipped), positive label = contradiction%n",
                card.overall().total(), reading.badLines().size());
        out.printf("  %-16s %s%n", "all", card.overall().line());
        card.byKind().forEach((kind, confusion) -> out.printf("  %-16s %s%n", kind, confusion.line()));
        out.flush();
        return reading.badLines().isEmpty() ? 0 : 1;
    }
}
