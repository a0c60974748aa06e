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
 * A moderator keeps a story open in the portal while a player plays it: the player's action and the
 * narration that answers it appear on the open page, pushed by storyEvents, without a reload.
 */
@EndToEnd
class WatchingAStoryLiveInThePortalTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void aBeatPlayedByAPlayerAppearsOnTheModeratorsOpenPage() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminId = "live-moderator-" + tag;
        String playerId = "live-player-" + tag;
        Api api = new Api(port, minter);
        PlayClient admin = new PlayClient(api.as(adminId, PlatformRole.WORLD_ADMIN));
        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String worldId = admin.createWorld("The Ember Fens " + tag);
        admin.addLore(worldId, "Marsh Lights", List.of("light"), "Lights drift over the fens and lead travellers astray.", true);
        admin.addMember(worldId, playerId, "PLAYER");
        String storyId = player.startStory(worldId, "Lights over the fen " + tag);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(admin.story(storyId)).isNotNull());

        try (PortalBrowser browser = new PortalBrowser(port)) {
            browser.signIn(adminId, "WORLD_ADMIN");
            browser.open("/admin#/worlds/" + worldId + "/stories/" + storyId);
            browser.waitForText(By.cssSelector("main h1"), "Lights over the fen " + tag);
            browser.visible(By.cssSelector("[data-live='live']"));
            assertThat(browser.driver().findElements(By.cssSelector("#beats li"))).as("no beat before the player acts").isEmpty();
            browser.markDocument();

            player.act(storyId, "I follow the nearest light into the reeds.");

            browser.waitForText(By.id("beats"), "I follow the nearest light into the reeds.");
            browser.visible(By.cssSelector("#beats li.narration .provenance"));
            assertThat(browser.texts(By.cssSelector("#beats li"))).hasSize(2);
            assertThat(browser.visible(By.cssSelector("#beats li.narration .provenance")).getText()).contains("house:" + worldId);
            assertThat(browser.sameDocument()).as("the page was not reloaded").isTrue();
            browser.screenshot("story-live");
        }
        // what the page showed is what the API holds
        assertThat(admin.story(storyId).beatCount()).isEqualTo(2);
    }
}
