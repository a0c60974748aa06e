package io.storyteller.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Offline evaluation of the narration pipeline's stages against labelled sets: no server, no
 * database, no Spring context.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a pipeline stage against a labelled JSON-lines set (offline).",
        subcommands = {EvaluateContinuity.class, EvaluateGuardrail.class, EvaluateDetector.class,
                CommandLine.HelpCommand.class})
public class Evaluate {
}
