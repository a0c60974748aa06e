package io.storyteller.ops.cli;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.ModelKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code storyteller house versions|pin}: the stored versions of a house model and its default, the
 * version that serves where no deployment slot names one. A retrained version is only a candidate
 * until a slot names it or an admin pins it here. Works on the data directory itself (a running
 * server reads the pin at its next turn), so it runs on the server's machine.
 */
@Command(name = "house", mixinStandardHelpOptions = true,
        description = "Show and pin the default versions of the house models (narrators, guardrail, detector).",
        subcommands = {HouseCli.Versions.class, HouseCli.Pin.class, CommandLine.HelpCommand.class})
public class HouseCli {

    private static final String CLASSIFIER_PREFIX = ClassifierMetadata.modelId("");
    private static final String NARRATOR_PREFIX = "house:";

    /** The model as the registry names it, and the data directory that holds its store. */
    static class Target {
        @Option(names = {"-m", "--model"}, required = true,
                description = "house:<worldId>, house:platform, house-classifier:guardrail or house-classifier:detector")
        String model;
        @Option(names = "--data-dir", defaultValue = "${env:STORYTELLER_DATA_DIR:-./data}",
                description = "The server's storyteller.data-dir (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        List<Integer> versions() {
            return classifier() ? classifiers().versions(key()) : narrators().versions(key());
        }

        OptionalInt defaultVersion() {
            return classifier() ? classifiers().defaultVersion(key()) : narrators().defaultVersion(key());
        }

        IntConsumer pin() {
            return classifier() ? version -> classifiers().pin(key(), version) : version -> narrators().pin(key(), version);
        }

        private boolean classifier() {
            return model.startsWith(CLASSIFIER_PREFIX);
        }

        private String key() {
            if (classifier()) {
                return model.substring(CLASSIFIER_PREFIX.length());
            }
            if (!model.startsWith(NARRATOR_PREFIX) || model.length() == NARRATOR_PREFIX.length()) {
                throw new IllegalArgumentException("--model [house-model] must be house:<worldId> or house-classifier:<key>: " + model);
            }
            return ModelKeys.ofHouseModel(model.substring(NARRATOR_PREFIX.length()));
        }

        private ClassifierStore classifiers() {
            return new ClassifierStore(dataDir.resolve("models").resolve("house-classifiers"));
        }

        private HouseModelStore narrators() {
            return new HouseModelStore(dataDir.resolve("models").resolve("house"));
        }
    }

    @Command(name = "versions", description = "List the stored versions; the default is marked with *.")
    static class Versions implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Target target;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<Integer> versions = target.versions();
                int served = target.defaultVersion().orElse(0);
                versions.forEach(version -> out.println((version == served ? "* " : "  ") + version));
                if (versions.isEmpty()) {
                    out.println("no version of " + target.model + " is stored under " + target.dataDir);
                }
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "pin", description = "Make a stored version the default: it serves wherever no slot names a version.")
    static class Pin implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Target target;
        @Option(names = {"-v", "--version"}, required = true, description = "the stored version to serve by default")
        int version;

        @Override
        public Integer call() {
            try {
                if (!target.versions().contains(version)) {
                    spec.commandLine().getErr().println("--version [stored] " + target.model + " has no version " + version
                            + " (stored: " + target.versions() + ")");
                    return 2;
                }
                target.pin().accept(version);
                spec.commandLine().getOut().println(target.model + " serves version " + version + " by default");
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
        }
    }
}
