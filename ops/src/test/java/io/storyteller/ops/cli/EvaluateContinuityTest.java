package io.storyteller.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateContinuityTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StorytellerCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static final String DEAD = """
            {"id":"t1","genre":"western","kind":"death","lore":[],"story":["Sheriff Hobb was shot and died in the street.","> I walk into the saloon."],\
            "candidate":"Hobb raises his glass at the bar.","label":"contradiction"}""";
    private static final String REMEMBERED = """
            {"id":"t2","genre":"western","kind":"death","lore":[],"story":["Sheriff Hobb was shot and died in the street.","> I walk into the saloon."],\
            "candidate":"You remember how Hobb used to drink here.","label":"consistent"}""";
    private static final String MISSED = """
            {"id":"t3","genre":"western","lore":[],"story":["> I look at the sky."],\
            "candidate":"The sky is green today, as it never is.","label":"contradiction"}""";

    @Test
    void printsPrecisionRecallF1TheConfusionAndEachKind() throws Exception {
        Path set = Files.write(dir.resolve("set.jsonl"), List.of(DEAD, REMEMBERED, MISSED));

        assertThat(run("eval", "continuity", "--file", set.toString())).isZero();

        assertThat(out.toString())
                .contains("3 cases (0 skipped)")
                .containsPattern("all\\s+precision 1.000  recall 0.500  F1 0.667  accuracy 0.667  \\(TP 1 FP 0 TN 1 FN 1\\)")
                .containsPattern("death\\s+precision 1.000  recall 1.000  F1 1.000");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badLinesAreReportedWithTheirNumberFieldAndRuleNotAStackTrace() throws Exception {
        Path set = Files.write(dir.resolve("bad.jsonl"), List.of(DEAD, "{not json", """
                {"id":"t9","lore":[],"story":[],"candidate":"x","label":"maybe"}""", """
                {"id":"t8","lore":"one","story":[],"candidate":"x","label":"consistent"}"""));

        assertThat(run("eval", "continuity", "--file", set.toString())).isEqualTo(1);

        assertThat(err.toString())
                .contains("skipped line 2: line must be one JSON object")
                .contains("skipped line 3: label must be \"consistent\" or \"contradiction\"")
                .contains("skipped line 4: lore must be an array of strings")
                .doesNotContain("Exception");
        assertThat(out.toString()).contains("1 cases (3 skipped)");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThat(run("eval", "continuity", "--file", dir.resolve("none.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--file").contains("cannot read");
    }
}
