package io.storyteller.command.brief;

/** Something that holds in the story now, e.g. ("the beacon", "state", "dark"). */
public record BriefFact(String entity, String attribute, String value) {
}
