package io.storyteller.domain.world;

import io.storyteller.domain.shared.Require;
import java.util.List;

/**
 * One piece of a world's lore. Trigger keys activate it when they occur in the recent text of a
 * story (lorebook style); always-on entries are always given to the narrator; a higher priority
 * wins when the context budget is short.
 */
public record LoreContent(String title, List<String> triggerKeys, String content, String category,
                          int priority, boolean alwaysOn) {

    public static final int MAX_PRIORITY = 100;

    public LoreContent validated() {
        return new LoreContent(
                Require.text("content.title", title, 120),
                Require.texts("content.triggerKeys", triggerKeys, 32, 60),
                Require.text("content.content", content, 8000),
                category == null || category.isBlank() ? "general" : Require.text("content.category", category, 60),
                Require.range("content.priority", priority, -MAX_PRIORITY, MAX_PRIORITY),
                alwaysOn);
    }
}
