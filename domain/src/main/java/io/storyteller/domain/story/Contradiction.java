package io.storyteller.domain.story;

/**
 * A place where a candidate contradicts what the story or the world already holds.
 *
 * @param kind        death, destroyed-place, name, possession, location, count, time, relationship,
 *                    physical-state or lore-rule
 * @param fact        what was established, in words
 * @param source      where: a fact's beat or a lore entry's id
 * @param evidence    the candidate's words that contradict it
 */
public record Contradiction(String kind, String fact, String source, String evidence) {
}
