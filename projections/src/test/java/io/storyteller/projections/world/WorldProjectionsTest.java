package io.storyteller.projections.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.GuardrailAction;
import io.storyteller.domain.world.NarrationPolicy;
import io.storyteller.domain.world.NarrationPolicySet;
import io.storyteller.domain.world.HouseModelTrained;
import io.storyteller.domain.world.HouseModelVersion;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldMemberAdded;
import io.storyteller.domain.world.WorldMemberRemoved;
import io.storyteller.domain.world.WorldMemberRoleChanged;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldSettingsChanged;
import io.storyteller.projections.schema.WorldRows;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorldProjectionsTest {

    static final WorldSettings SETTINGS = new WorldSettings("Eldoria", "A realm of mists", "fantasy", "wistful",
            ContentRating.TEEN, "");
    static final LoreContent DRAGON = new LoreContent("The dragon", List.of("dragon", "Vyr"), "Vyr sleeps.",
            "creature", 10, false);

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    Object[] handlers;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        handlers = new Object[] {new WorldProjection(db.jdbc()), new LoreProjection(db.jdbc()),
                new HouseModelProjection(db.jdbc())};
    }

    @Test
    void aCreatedWorldHasItsSettingsAndItsOwnerAsMember() {
        log.world("w1", new WorldCreated("w1", SETTINGS, "olga"),
                new WorldMemberAdded("w1", "olga", WorldRole.OWNER, "olga"));
        log.deliver(handlers);

        Map<String, Object> world = db.row("SELECT * FROM worlds");
        assertThat(world).containsEntry("world_id", "w1").containsEntry("name", "Eldoria")
                .containsEntry("premise", "A realm of mists").containsEntry("content_rating", "TEEN")
                .containsEntry("owner_id", "olga").containsEntry("archived", false)
                .containsEntry("created_at", at(0)).containsEntry("updated_at", at(1));
        assertThat(db.rows("SELECT user_id, role FROM world_members"))
                .containsExactly(Map.of("user_id", "olga", "role", "OWNER"));
    }

    @Test
    void aWorldIsNarratedByTheDefaultPolicyUntilItSetsItsOwn() {
        NarrationPolicy three = new NarrationPolicy(3, List.of("narrator:world:w1", "narrator:global"),
                Duration.ofSeconds(20), 0.75, 3, GuardrailAction.REDACT);
        log.world("w1", new WorldCreated("w1", SETTINGS, "olga"),
                new WorldMemberAdded("w1", "olga", WorldRole.OWNER, "olga"));
        log.deliver(handlers);
        assertThat(db.jdbc().sql(WorldRows.SELECT).query(WorldRows.VIEW).single().narrationPolicy())
                .isEqualTo(NarrationPolicy.defaults());

        log.world("w1", new NarrationPolicySet("w1", three, "olga"));
        log.deliver(handlers);
        assertThat(db.jdbc().sql(WorldRows.SELECT).query(WorldRows.VIEW).single().narrationPolicy()).isEqualTo(three);
    }

    @Test
    void settingsMembersAndArchivalAreReflected() {
        WorldSettings darker = new WorldSettings("Eldoria", "A realm of ash", "fantasy", "grim",
                ContentRating.MATURE, "terse");
        log.world("w1", new WorldCreated("w1", SETTINGS, "olga"),
                new WorldMemberAdded("w1", "olga", WorldRole.OWNER, "olga"),
                new WorldMemberAdded("w1", "adam", WorldRole.PLAYER, "olga"),
                new WorldMemberAdded("w1", "pia", WorldRole.PLAYER, "olga"),
                new WorldMemberRoleChanged("w1", "adam", WorldRole.ADMIN, "olga"),
                new WorldMemberRemoved("w1", "pia", "adam"),
                new WorldSettingsChanged("w1", darker, "adam"),
                new WorldArchived("w1", "olga"));
        log.deliver(handlers);

        assertThat(db.row("SELECT premise, tone, content_rating, narrative_style, archived, updated_at FROM worlds"))
                .containsEntry("premise", "A realm of ash").containsEntry("tone", "grim")
                .containsEntry("content_rating", "MATURE").containsEntry("narrative_style", "terse")
                .containsEntry("archived", true).containsEntry("updated_at", at(7));
        assertThat(db.rows("SELECT user_id, role FROM world_members ORDER BY user_id")).containsExactly(
                Map.of("user_id", "adam", "role", "ADMIN"), Map.of("user_id", "olga", "role", "OWNER"));
    }

    @Test
    void loreRevisionsCountOnceEvenWhenEventsAreDeliveredAgain() {
        LoreContent revised = new LoreContent("The dragon", List.of("dragon"), "Vyr wakes.", "creature", 20, true);
        log.world("w1", new WorldCreated("w1", SETTINGS, "olga"),
                new LoreEntryAdded("w1", "l1", DRAGON, "olga"),
                new LoreEntryAdded("w1", "l2", DRAGON, "olga"),
                new LoreEntryRevised("w1", "l1", revised, "olga"),
                new LoreEntryRevised("w1", "l1", revised, "olga"),
                new LoreEntryRetired("w1", "l2", "olga"));
        log.deliver(handlers);
        log.redeliverAll(handlers);

        assertThat(db.row("SELECT * FROM lore_entries WHERE lore_entry_id = 'l1'"))
                .containsEntry("content", "Vyr wakes.").containsEntry("trigger_keys", List.of("dragon"))
                .containsEntry("priority", 20).containsEntry("always_on", true)
                .containsEntry("revision", 3).containsEntry("retired", false)
                .containsEntry("created_at", at(1)).containsEntry("updated_at", at(4));
        assertThat(db.row("SELECT * FROM lore_entries WHERE lore_entry_id = 'l2'"))
                .containsEntry("trigger_keys", List.of("dragon", "Vyr")).containsEntry("category", "creature")
                .containsEntry("revision", 1).containsEntry("retired", true).containsEntry("updated_at", at(5));
    }

    @Test
    void houseModelVersionsAreRecorded() {
        var version = new HouseModelVersion("house-w1", 2, "abc123", 0, 99, 40, 12000, 800, EventLog.START);
        log.world("w1", new WorldCreated("w1", SETTINGS, "olga"), new HouseModelTrained("w1", version));
        log.deliver(handlers);

        assertThat(db.row("SELECT * FROM house_model_versions")).containsEntry("world_id", "w1")
                .containsEntry("version", 2).containsEntry("model_key", "house-w1").containsEntry("sha256", "abc123")
                .containsEntry("corpus_to_index", 99L).containsEntry("tokens", 12000L)
                .containsEntry("vocabulary_size", 800).containsEntry("recorded_at", at(1));
    }

    @Test
    void replayingTheLogRebuildsTheSameRows() {
        log.world("w1", new WorldCreated("w1", SETTINGS, "olga"),
                new WorldMemberAdded("w1", "olga", WorldRole.OWNER, "olga"),
                new WorldMemberAdded("w1", "adam", WorldRole.PLAYER, "olga"),
                new LoreEntryAdded("w1", "l1", DRAGON, "olga"),
                new LoreEntryRevised("w1", "l1", DRAGON, "adam"),
                new HouseModelTrained("w1", new HouseModelVersion("k", 1, "s", 0, 3, 1, 10, 5, null)));
        log.world("w2", new WorldCreated("w2", SETTINGS, "adam"),
                new WorldMemberAdded("w2", "adam", WorldRole.OWNER, "adam"),
                new WorldArchived("w2", "adam"));
        log.deliver(handlers);
        var live = db.snapshot();

        log.replay(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        log.redeliverAll(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(live.get("worlds")).hasSize(2);
        assertThat(live.get("lore_entries").getFirst()).containsEntry("revision", 2);
    }

    @Test
    void resetClearsEveryWorldTable() {
        log.world("w1", new WorldCreated("w1", SETTINGS, "olga"),
                new WorldMemberAdded("w1", "olga", WorldRole.OWNER, "olga"),
                new LoreEntryAdded("w1", "l1", DRAGON, "olga"),
                new HouseModelTrained("w1", new HouseModelVersion("k", 1, "s", 0, 3, 1, 10, 5, null)));
        log.deliver(handlers);

        new WorldProjection(db.jdbc()).reset();
        new LoreProjection(db.jdbc()).reset();
        new HouseModelProjection(db.jdbc()).reset();

        db.snapshot().forEach((table, rows) -> assertThat(rows).as(table).isEmpty());
    }

    private static Timestamp at(int index) {
        return Timestamp.from(EventLog.timeOf(index));
    }
}
