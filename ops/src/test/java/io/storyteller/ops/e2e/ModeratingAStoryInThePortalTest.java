package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A world admin reads, in the portal, a story a player played in their world: each beat, and for a
 * narration where it came from (the model and the lore it was given), as the API records it.
 */
@EndToEnd
class ModeratingAStoryInThePortalTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void aWorldAdminReadsAPlayedStoryWithEachNarrationsProvenance() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminId = "moderator-" + tag;
        String playerId = "moderated-" + tag;
        Api api = new Api(port, minter);
        PlayClient admin = new PlayClient(api.as(adminId, PlatformRole.WORLD_ADMIN));
        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String worldId = admin.createWorld("The Lantern Coast " + tag);
        admin.addLore(worldId, "Salt Fog", List.of(), "A cold salt fog lies over the coast every night.", true);
        admin.addMember(worldId, playerId, "PLAYER");
        String storyId = player.startStory(worldId, "Fog at the pier " + tag);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(player.story(storyId)).isNotNull());
        player.act(storyId, "I light the lantern at the end of the pier.");
        await().atMost(PATIENCE).ignoreExceptions()
                .untilAsserted(() -> assertThat(admin.story(storyId).beatCount()).isEqualTo(2));

        try (PortalBrowser browser = new PortalBrowser(port)) {
            browser.signIn(adminId, "WORLD_ADMIN");
            browser.open("/admin#/worlds/" + worldId);
            browser.waitForText(By.id("stories"), "Fog at the pier " + tag);
            browser.click(By.linkText("Fog at the pier " + tag));

            browser.waitForText(By.id("beats"), "I light the lantern at the end of the pier.");
            browser.waitForText(By.cssSelector("#beats .provenance"), "house:" + worldId);
            assertThat(browser.visible(By.cssSelector("#beats .provenance")).getText())
                    .contains("1 lore entry").contains("Candidates").contains("CHOSEN");
            browser.screenshot("story-with-provenance");
        }
    }
}
