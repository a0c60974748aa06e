package io.storyteller.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Scores the narration pipeline's stages against labelled sets, offline: no server, no database. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a stage of the narration pipeline against a labelled set (JSON lines).",
        subcommands = {EvaluateContinuity.class, CommandLine.HelpCommand.class})
class Evaluate {
}
