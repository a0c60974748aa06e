package io.storyteller.domain.budget;

import io.storyteller.domain.shared.Actor;
import java.time.LocalDate;
import java.util.List;

/**
 * Asks what narration cost from {@code from} to {@code to} (UTC days, both included), in one world or
 * in all ({@code worldId} null), summed by the dimensions in {@code groupBy} (all three when empty).
 * Platform admins read every world's spend, a world's owner and admins their world's. Answers a list
 * of {@link SpendLine}.
 */
public record FindSpend(String worldId,
        LocalDate from,
        LocalDate to,
        List<SpendDimension> groupBy,
        Actor viewer) {

    public FindSpend {
        groupBy = groupBy == null || groupBy.isEmpty() ? List.of(SpendDimension.values()) : List.copyOf(groupBy);
    }
}
