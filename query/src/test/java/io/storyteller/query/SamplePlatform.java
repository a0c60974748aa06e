package io.storyteller.query;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldMemberAdded;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.projections.story.BeatProjection;
import io.storyteller.projections.story.StoryProjection;
import io.storyteller.projections.story.StoryWrites;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.projections.world.HouseModelProjection;
import io.storyteller.projections.world.LoreProjection;
import io.storyteller.projections.world.WorldProjection;
import java.util.List;
import java.util.Set;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small platform built through the real projections:
 * <ul>
 *   <li>world w1 "Eldoria": owner olga, admin adam, players pia and paul; lore l1, retired l2;</li>
 *   <li>world w2 "Frostmarch": owner nina;</li>
 *   <li>s1: pia's story in w1 with five beats; s2: paul's story in w1; s4: paul's party story in w1
 *       with pia invited; s3: nina's story in w2.</li>
 * </ul>
 */
public final class SamplePlatform {

    public static final Actor ROOT = new Actor("root", Set.of(PlatformRole.PLATFORM_ADMIN));
    public static final Actor SYSTEM = Actor.system();
    public static final Actor OLGA = new Actor("olga", Set.of(PlatformRole.WORLD_ADMIN));
    public static final Actor ADAM = new Actor("adam", Set.of(PlatformRole.PLAYER));
    public static final Actor PIA = new Actor("pia", Set.of(PlatformRole.PLAYER));
    public static final Actor PAUL = new Actor("paul", Set.of(PlatformRole.PLAYER));
    public static final Actor NINA = new Actor("nina", Set.of(PlatformRole.WORLD_ADMIN));
    public static final Actor STRANGER = new Actor("stranger", Set.of(PlatformRole.PLAYER));

    private SamplePlatform() {
    }

    /** Feeds the sample's events to fresh projections writing through {@code jdbc}. */
    public static EventLog load(ReadModelDatabase db, QueryUpdateEmitter emitter) {
        EventLog log = events();
        log.deliver(projections(db, emitter));
        return log;
    }

    public static Object[] projections(ReadModelDatabase db, QueryUpdateEmitter emitter) {
        JdbcClient jdbc = db.jdbc();
        StoryWrites writes = new StoryWrites(new NamedParameterJdbcTemplate(db.dataSource()));
        return new Object[] {new WorldProjection(jdbc), new LoreProjection(jdbc), new HouseModelProjection(jdbc),
                new StoryProjection(jdbc, writes, emitter), new BeatProjection(jdbc, writes, emitter)};
    }

    public static EventLog events() {
        EventLog log = new EventLog();
        log.world("w1", new WorldCreated("w1", settings("Eldoria"), "olga"),
                new WorldMemberAdded("w1", "olga", WorldRole.OWNER, "olga"),
                new WorldMemberAdded("w1", "adam", WorldRole.ADMIN, "olga"),
                new WorldMemberAdded("w1", "pia", WorldRole.PLAYER, "olga"),
                new WorldMemberAdded("w1", "paul", WorldRole.PLAYER, "adam"),
                new LoreEntryAdded("w1", "l1", lore("The old keep", 5), "olga"),
                new LoreEntryAdded("w1", "l2", lore("The lost road", 50), "olga"),
                new LoreEntryRetired("w1", "l2", "adam"));
        log.world("w2", new WorldCreated("w2", settings("Frostmarch"), "nina"),
                new WorldMemberAdded("w2", "nina", WorldRole.OWNER, "nina"));
        log.story("s1", new StoryStarted("s1", "w1", "Pia's quest", "pia"),
                action("s1", "a1", "pia"), narration("s1", "a1", "n1"),
                action("s1", "a2", "pia"), narration("s1", "a2", "n2"),
                action("s1", "a3", "pia"));
        log.story("s2", new StoryStarted("s2", "w1", "Paul alone", "paul"));
        log.story("s3", new StoryStarted("s3", "w2", "Frozen", "nina"));
        log.story("s4", new StoryStarted("s4", "w1", "The party", "paul"),
                new ParticipantInvited("s4", "pia", "paul"));
        return log;
    }

    public static PlayerActionSubmitted action(String storyId, String beatId, String playerId) {
        return new PlayerActionSubmitted(storyId, "w1", beatId, playerId, "action " + beatId);
    }

    public static NarrationRecorded narration(String storyId, String actionBeatId, String beatId) {
        return new NarrationRecorded(storyId, "w1", actionBeatId, actionBeatId, beatId, 0, "narration " + beatId,
                new NarrationProvenance("house", "1", "digest", List.of("l1"), 10, 100, 20));
    }

    private static WorldSettings settings(String name) {
        return new WorldSettings(name, "premise of " + name, "fantasy", "bright", ContentRating.EVERYONE, "");
    }

    private static LoreContent lore(String title, int priority) {
        return new LoreContent(title, List.of("keep"), "About " + title, "place", priority, false);
    }
}
