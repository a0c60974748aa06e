package io.storyteller.domain.world;

/** One entry a sample text activates, in the order a turn would give it, and why ({@code always-on}, {@code key:<key>}, {@code via:<id of the entry naming it>}). */
public record LoreActivationView(String loreEntryId,
        String title,
        String reason) {
}
