package io.storyteller.command.autoswitch;

/** A player action as recorded in the event log, with the name of its world for the prompt. */
public record RecordedAction(String worldId,
        String worldName,
        String text) {
}
