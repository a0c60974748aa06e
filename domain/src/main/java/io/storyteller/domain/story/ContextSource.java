package io.storyteller.domain.story;

/**
 * One piece of context a narration was given and why: a lore entry (always on, a trigger key,
 * activated by another entry's text, or retrieved by BM25 or by meaning), an older beat of the
 * story (story memory), or a continuity fact.
 *
 * @param kind   LORE, MEMORY or FACT
 * @param id     the lore entry's, the beat's or the fact's id
 * @param reason e.g. {@code always-on}, {@code key:Ash}, {@code via:<entry id>}, {@code bm25}, {@code knn}, {@code hybrid}
 * @param score  the retrieval score when one ranked it, else 0
 */
public record ContextSource(String kind, String id, String reason, double score) {
}
