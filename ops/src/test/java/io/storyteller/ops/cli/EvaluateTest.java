package io.storyteller.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The offline eval commands on small files: figures when the file is good, line and rule when it is not. */
class EvaluateTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StorytellerCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path file(String name, List<String> lines) throws Exception {
        return Files.write(dir.resolve(name), lines);
    }

    private static String guardrailLine(int id, String text, String categories, int severity, String allowed) {
        return "{\"id\":\"t" + id + "\",\"text\":\"" + text + "\",\"source\":\"player\",\"categories\":[" + categories
                + "],\"severity\":" + severity + ",\"allowed\":{" + allowed + "}}";
    }

    @Test
    void guardrailPrintsAccuracyPerRatingAndPassedWhereNotAllowedForBothModels() throws Exception {
        List<String> lines = new ArrayList<>();
        String everywhere = "\"E\":true,\"T\":true,\"M\":true,\"AO\":true";
        String fromTeen = "\"E\":false,\"T\":true,\"M\":true,\"AO\":true";
        for (int i = 0; i < 6; i++) {
            lines.add(guardrailLine(2 * i, "I take a stab at solving riddle number " + i + " carved above the door.", "", 0, everywhere));
            lines.add(guardrailLine(2 * i + 1, "I shoot outlaw number " + i + " in the shoulder and he drops his revolver.",
                    "\"violence\"", 2, fromTeen));
        }
        int exit = run("eval", "guardrail", "--file", file("g.jsonl", lines).toString(), "--folds", "3");

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).contains("12 cases", "default model", "3-fold cross-validated");
        for (String rating : List.of("EVERYONE", "TEEN", "MATURE", "ADULT")) {
            assertThat(printed.lines().filter(line -> line.contains(rating) && line.contains("accuracy")
                    && line.contains("passed where not allowed"))).hasSize(2);
        }
        assertThat(printed).contains("passed where not allowed, all ratings:");
        // The default model learned from g0001, a shooting much like these: it must pass none of them at E.
        assertThat(printed.lines().filter(line -> line.contains("EVERYONE")).findFirst().orElseThrow())
                .contains("passed where not allowed 0 of 6");
    }

    @Test
    void detectorPrintsAurocAndFalsePositiveRateForBothModels() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add("{\"id\":\"h" + i + "\",\"text\":\"i open door " + i + " and look around\",\"label\":\"human\"}");
            lines.add("{\"id\":\"g" + i + "\",\"text\":\"As you step through door " + i
                    + ", a faint hum fills the air, as if the very stones remember a song long forgotten.\",\"label\":\"generated\"}");
        }
        int exit = run("eval", "detector", "--file", file("d.jsonl", lines).toString(), "--threshold", "0.6", "--folds", "2");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("10 texts", "threshold 0.60", "default model", "2-fold cross-validated");
        assertThat(out.toString().lines().filter(line -> line.contains("AUROC") && line.contains("false-positive rate")))
                .hasSize(2);
    }

    @Test
    void aBadLineIsNamedByNumberAndRuleWithoutAStackTrace() throws Exception {
        Path bad = file("bad.jsonl", List.of(
                "{\"id\":\"h1\",\"text\":\"i open the door\",\"label\":\"human\"}",
                "",
                "{\"id\":\"g1\",\"text\":\"The door opens.\",\"label\":\"machine\"}"));
        int exit = run("eval", "detector", "--file", bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("line 3", "label", "human|generated").doesNotContain("Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aGuardrailLineBreakingARuleIsNamed() throws Exception {
        Path bad = file("bad.jsonl", List.of(guardrailLine(1, "I bonk the goblin.", "\"violence\"", 9,
                "\"E\":true,\"T\":true,\"M\":true,\"AO\":true")));
        assertThat(run("eval", "guardrail", "--file", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1", "severity", "range:0..3").doesNotContain("\tat ");
    }

    @Test
    void aMissingFileOrImpossibleFoldsAreRefused() throws Exception {
        assertThat(run("eval", "detector", "--file", dir.resolve("none.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot be read");
        Path one = file("one.jsonl", List.of("{\"id\":\"h1\",\"text\":\"i open the door\",\"label\":\"human\"}",
                "{\"id\":\"g1\",\"text\":\"The door opens.\",\"label\":\"generated\"}"));
        assertThat(run("eval", "detector", "--file", one.toString(), "--folds", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--folds");
    }
}
