package io.storyteller.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's tools: {@code java -jar storyteller.jar <command>}. Without a command the jar
 * starts the server.
 */
@Command(name = "storyteller", mixinStandardHelpOptions = true,
        description = "Storyteller operator tools. Run without a command to start the server.",
        subcommands = {MintToken.class, Evaluate.class, OllamaCli.class, Corpus.class, HouseCli.class,
                ValidateCommand.class, HubCommand.class, FineTuneCommand.class, LoadCommand.class,
                ProcessorsCli.class, DeadLettersCli.class, EventLogCli.class, OperatorLogCli.class, BudgetCli.class, SpendCli.class,
                BackupCli.class, HealingLogCli.class,
                CommandLine.HelpCommand.class})
public class StorytellerCommand {

    /** Whether the arguments name a tool rather than server options such as {@code --server.port=8081}. */
    public static boolean isToolInvocation(String[] args) {
        return args.length > 0 && !args[0].startsWith("--") || args.length == 1 && "--help".equals(args[0]);
    }

    public static int run(String[] args) {
        return new CommandLine(new StorytellerCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
