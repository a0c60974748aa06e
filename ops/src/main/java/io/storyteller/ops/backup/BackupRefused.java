package io.storyteller.ops.backup;

/** A backup or restore that must not be done; the message names the rule it would break. */
public class BackupRefused extends RuntimeException {

    public BackupRefused(String message) {
        super(message);
    }
}
