package io.storyteller.ops.cli;

import picocli.CommandLine.Command;

/** {@code storyteller backup}: a logical backup of the event store, and its restore. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the event store (the source of truth) while the server runs, or restore a backup.",
        subcommands = {BackupCreate.class, BackupRestore.class})
class BackupCli {

    /** The backup or restore was refused; the message names the rule. */
    static final int REFUSED = 2;
}
