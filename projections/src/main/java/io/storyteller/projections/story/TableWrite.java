package io.storyteller.projections.story;

import java.util.Map;

/**
 * One keyed write to the story tables: fixed SQL written in this package, never input, and its
 * named parameters. Written at once, or collected with others of the same SQL into one batch.
 */
record TableWrite(String sql, Map<String, Object> params) {
}
