package io.storyteller.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Training corpora from the event log: {@code corpus export}. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Export training datasets from the event log.",
        subcommands = {ExportDatasets.class, CommandLine.HelpCommand.class})
public class Corpus {
}
