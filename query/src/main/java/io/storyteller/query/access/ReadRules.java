package io.storyteller.query.access;

import io.storyteller.domain.world.WorldRole;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Who may read what ({@link io.storyteller.domain.shared.AccessPolicy}), as SQL conditions over the read model; they need {@link Viewer#params()}.
 * What a viewer may not see is answered exactly as if it did not exist.
 * <ul>
 *   <li>a world, and its lore, is visible to its members;</li>
 *   <li>a story is visible to its participants and, for moderation, to its world's owner and
 *       admins; players never see other players' stories;</li>
 *   <li>platform admins and the platform itself see everything.</li>
 * </ul>
 */
public final class ReadRules {

    /** The world {@code w} (aliased as in {@code WorldRows.SELECT}) is visible. */
    public static final String WORLD = worldMember("w.world_id");

    /** The lore entry {@code l} (aliased as in {@code LoreEntryRows.SELECT}) is visible. */
    public static final String LORE = worldMember("l.world_id");

    /** The story {@code s} (aliased as in {@code StoryRows.SELECT}) is visible. */
    public static final String STORY = """
            (:seesEverything
             OR EXISTS (SELECT 1 FROM story_participants rp
                        WHERE rp.story_id = s.story_id AND rp.user_id = :viewer)
             OR EXISTS (SELECT 1 FROM world_members rm
                        WHERE rm.world_id = s.world_id AND rm.user_id = :viewer AND rm.role IN (%s)))""".formatted(managingRoles());

    /**
     * The viewer moderates the story {@code s}: the platform, platform admins and its world's owner
     * and admins. Moderation marks (admins' guardrail flags on beats) are theirs alone to read.
     */
    public static final String MODERATES_STORY = """
            (:seesEverything
             OR EXISTS (SELECT 1 FROM world_members mm
                        WHERE mm.world_id = s.world_id AND mm.user_id = :viewer AND mm.role IN (%s)))""".formatted(managingRoles());

    private ReadRules() {
    }

    /** The world roles that manage a world ({@link WorldRole#manages()}), as an SQL list. */
    private static String managingRoles() {
        return Arrays.stream(WorldRole.values()).filter(WorldRole::manages)
                .map(role -> "'" + role.name() + "'").collect(Collectors.joining(", "));
    }

    private static String worldMember(String worldIdColumn) {
        return "(:seesEverything OR EXISTS (SELECT 1 FROM world_members rm WHERE rm.world_id = " + worldIdColumn
                + " AND rm.user_id = :viewer))";
    }
}
