package io.storyteller.command.housemodel.corpus;

/**
 * Which part of the event stream a model version was trained from, as the caller counts it
 * (e.g. global event indexes); the store keeps it but never interprets it.
 */
public record CorpusRange(long fromEventIndex, long toEventIndex) {
}
