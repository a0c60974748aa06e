package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The cast and facts the world specifications share: world "w1", owned by wanda. */
final class WorldExamples {

    static final String WORLD_ID = "w1";
    static final Actor OWNER = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN));
    /** Administers w1 through her world role only. */
    static final Actor ADMIN = new Actor("arno", Set.of(PlatformRole.PLAYER));
    static final Actor PLAYER = new Actor("pia", Set.of(PlatformRole.PLAYER));
    /** A world admin elsewhere, not a member of w1. */
    static final Actor STRANGER = new Actor("sam", Set.of(PlatformRole.WORLD_ADMIN));
    static final Actor PLATFORM_ADMIN = new Actor("paula", Set.of(PlatformRole.PLATFORM_ADMIN));

    private WorldExamples() {
    }

    static WorldSettings settings() {
        return new WorldSettings("Ashfall", "A city built inside a sleeping volcano.", "fantasy", "grim",
                ContentRating.TEEN, "terse, second person");
    }

    static LoreContent lore() {
        return new LoreContent("The Ember Gate", List.of("gate", "ember"), "The only way out of the caldera.",
                "places", 10, false);
    }

    static LoreContent lore(String title) {
        LoreContent lore = lore();
        return new LoreContent(title, lore.triggerKeys(), lore.content(), lore.category(), lore.priority(), lore.alwaysOn());
    }

    static HouseModelVersion houseModel(int version) {
        return new HouseModelVersion("narrator-w1", version, "ab".repeat(32), 0, 1000L * version, 40, 12_000,
                4096, Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** w1 as created by wanda, with arno as admin and pia as player; then {@code more}. */
    static List<Object> founded(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new WorldCreated(WORLD_ID, settings(), OWNER.userId()),
                new WorldMemberAdded(WORLD_ID, OWNER.userId(), WorldRole.OWNER, OWNER.userId()),
                new WorldMemberAdded(WORLD_ID, ADMIN.userId(), WorldRole.ADMIN, OWNER.userId()),
                new WorldMemberAdded(WORLD_ID, PLAYER.userId(), WorldRole.PLAYER, OWNER.userId())));
        events.addAll(List.of(more));
        return events;
    }
}
