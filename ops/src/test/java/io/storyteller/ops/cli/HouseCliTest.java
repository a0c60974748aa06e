package io.storyteller.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.HouseModelTrainer;
import io.storyteller.command.housemodel.training.TrainedHouseModel;
import io.storyteller.command.housemodel.training.TrainingSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** An admin sees which house version serves by default and pins another stored one. */
class HouseCliTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HouseModelStore store;

    @BeforeEach
    void twoVersionsOfVarn() {
        store = new HouseModelStore(dataDir.resolve("models").resolve("house"));
        TrainedHouseModel model = new HouseModelTrainer().train(List.of("The lighthouse burns above the Grey Sea."),
                TrainingSettings.defaults().withMaxVocabulary(64));
        store.save("varn", model, new CorpusRange(0, 1));
        store.save("varn", model, new CorpusRange(0, 2));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StorytellerCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theFirstVersionIsTheDefaultUntilAnAdminPinsAnother() {
        assertThat(run("house", "versions", "--model", "house:varn", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString().lines().toList()).containsExactly("* 1", "  2");

        assertThat(run("house", "pin", "--model", "house:varn", "--version", "2", "--data-dir", dataDir.toString())).isZero();

        assertThat(store.defaultVersion("varn")).hasValue(2);
    }

    @Test
    void aVersionNotStoredOrAModelThatIsNoHouseModelIsRefusedNamingTheOption() {
        assertThat(run("house", "pin", "--model", "house:varn", "--version", "9", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--version [stored]").contains("stored: [1, 2]");
        assertThat(run("house", "versions", "--model", "openai:gpt-4o", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--model [house-model]");
        assertThat(store.defaultVersion("varn")).hasValue(1);
    }
}
