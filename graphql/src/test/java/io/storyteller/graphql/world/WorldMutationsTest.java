package io.storyteller.graphql.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.world.AddLoreEntry;
import io.storyteller.domain.world.AddWorldMember;
import io.storyteller.domain.world.ArchiveWorld;
import io.storyteller.domain.world.ChangeWorldMemberRole;
import io.storyteller.domain.world.ChangeWorldSettings;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.RemoveWorldMember;
import io.storyteller.domain.world.RetireLoreEntry;
import io.storyteller.domain.world.ReviseLoreEntry;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.graphql.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each world mutation sends exactly the command it names, carrying the caller. */
class WorldMutationsTest extends ApiTest {

    private static final Map<String, Object> SETTINGS_INPUT = Map.of(
            "name", "Eldoria", "premise", "A kingdom under a sleeping dragon", "genre", "fantasy", "tone", "wry",
            "contentRating", "TEEN");
    private static final WorldSettings SETTINGS =
            new WorldSettings("Eldoria", "A kingdom under a sleeping dragon", "fantasy", "wry", ContentRating.TEEN, null);
    private static final Map<String, Object> LORE_INPUT = Map.of(
            "title", "The dragon", "triggerKeys", List.of("dragon", "wyrm"), "content", "It sleeps under the city.");
    private static final LoreContent LORE =
            new LoreContent("The dragon", List.of("dragon", "wyrm"), "It sleeps under the city.", null, 0, false);

    @Test
    void createWorld_sends_CreateWorld_with_a_new_world_id() {
        JsonNode data = graphQl("mutation($s: WorldSettingsInput!) { createWorld(settings: $s) { worldId } }",
                Map.of("s", SETTINGS_INPUT)).get("data");

        String worldId = data.at("/createWorld/worldId").asText();
        assertThat(worldId).hasSize(36);
        assertThat(commands.onlyCommand()).isEqualTo(new CreateWorld(worldId, SETTINGS, ALICE));
    }

    @Test
    void changeWorldSettings_sends_ChangeWorldSettings() {
        JsonNode data = graphQl("mutation($s: WorldSettingsInput!) { changeWorldSettings(worldId: \"w1\", settings: $s) { worldId } }",
                Map.of("s", SETTINGS_INPUT)).get("data");

        assertThat(data.at("/changeWorldSettings/worldId").asText()).isEqualTo("w1");
        assertThat(commands.onlyCommand()).isEqualTo(new ChangeWorldSettings("w1", SETTINGS, ALICE));
    }

    @Test
    void addLoreEntry_sends_AddLoreEntry_with_a_new_lore_entry_id_and_defaults() {
        JsonNode data = graphQl("mutation($c: LoreContentInput!) { addLoreEntry(worldId: \"w1\", content: $c) { worldId loreEntryId } }",
                Map.of("c", LORE_INPUT)).get("data");

        String loreEntryId = data.at("/addLoreEntry/loreEntryId").asText();
        assertThat(loreEntryId).hasSize(36);
        assertThat(commands.onlyCommand()).isEqualTo(new AddLoreEntry("w1", loreEntryId, LORE, ALICE));
    }

    @Test
    void reviseLoreEntry_sends_ReviseLoreEntry() {
        graphQl("""
                mutation { reviseLoreEntry(worldId: "w1", loreEntryId: "l1", content: {
                  title: "The dragon", content: "It wakes.", category: "beasts", priority: 7, alwaysOn: true
                }) { loreEntryId } }""");

        assertThat(commands.onlyCommand()).isEqualTo(new ReviseLoreEntry("w1", "l1",
                new LoreContent("The dragon", List.of(), "It wakes.", "beasts", 7, true), ALICE));
    }

    @Test
    void retireLoreEntry_sends_RetireLoreEntry() {
        graphQl("mutation { retireLoreEntry(worldId: \"w1\", loreEntryId: \"l1\") { worldId loreEntryId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new RetireLoreEntry("w1", "l1", ALICE));
    }

    @Test
    void addWorldMember_sends_AddWorldMember() {
        JsonNode data = graphQl("mutation { addWorldMember(worldId: \"w1\", userId: \"bob\", role: PLAYER) { worldId userId } }")
                .get("data");

        assertThat(data.at("/addWorldMember/userId").asText()).isEqualTo("bob");
        assertThat(commands.onlyCommand()).isEqualTo(new AddWorldMember("w1", "bob", WorldRole.PLAYER, ALICE));
    }

    @Test
    void changeWorldMemberRole_sends_ChangeWorldMemberRole() {
        graphQl("mutation { changeWorldMemberRole(worldId: \"w1\", userId: \"bob\", role: ADMIN) { userId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new ChangeWorldMemberRole("w1", "bob", WorldRole.ADMIN, ALICE));
    }

    @Test
    void removeWorldMember_sends_RemoveWorldMember() {
        graphQl("mutation { removeWorldMember(worldId: \"w1\", userId: \"bob\") { userId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new RemoveWorldMember("w1", "bob", ALICE));
    }

    @Test
    void archiveWorld_sends_ArchiveWorld() {
        graphQl("mutation { archiveWorld(worldId: \"w1\") { worldId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new ArchiveWorld("w1", ALICE));
    }
}
