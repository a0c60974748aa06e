package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/** The admin portal in a real browser, against the whole application: who gets in, and a world made with lore. */
@EndToEnd
class AdminPortalTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    private PortalBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new PortalBrowser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aWorldAdminCreatesAWorldWithLoreAndSeesItListed() {
        String admin = "portal-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String worldName = "The Salt Marches " + admin;
        browser.signIn(admin, "WORLD_ADMIN");
        browser.visible(By.id("create-world-title"));
        browser.screenshot("worlds-empty");

        browser.type(By.id("new-world-name"), worldName);
        browser.type(By.id("new-world-genre"), "fantasy");
        browser.type(By.id("new-world-tone"), "wistful");
        new Select(browser.visible(By.id("new-world-rating"))).selectByVisibleText("MATURE");
        browser.type(By.id("new-world-premise"), "Tide-bound villages trade salt for memories.");
        browser.click(By.id("new-world-submit"));

        browser.waitForText(By.id("world-name"), worldName);
        browser.type(By.id("new-lore-title"), "The Brine Oath");
        browser.type(By.id("new-lore-keys"), "oath, brine");
        browser.type(By.id("new-lore-content"), "Every salter swears on the brine to never sell a child's memory.");
        browser.click(By.id("new-lore-submit"));
        browser.waitForText(By.id("lore-entries"), "The Brine Oath");
        browser.screenshot("world-with-lore");

        // what a sample action would activate, as a turn would, and why; an action naming no key activates nothing
        browser.type(By.id("lore-preview-text"), "I swear the oath at dawn.");
        browser.click(By.id("lore-preview"));
        browser.waitForText(By.id("lore-activated"), "The Brine Oath");
        assertThat(browser.visible(By.id("lore-activated")).getText()).contains("key:oath");
        browser.type(By.id("lore-preview-text"), "I walk to the market.");
        browser.click(By.id("lore-preview"));
        browser.waitForText(By.cssSelector("[aria-labelledby='lore-preview-title'] .empty"), "activates no lore");

        // the API is the authority: what the page shows is what the API now holds
        String worldId = browser.driver().getCurrentUrl().replaceFirst(".*#/worlds/", "");
        List<Map<String, Object>> lore = new Api(port, minter).as(admin, PlatformRole.WORLD_ADMIN)
                .document("query($id: ID!) { world(id: $id) { loreEntries { content { title triggerKeys } } } }")
                .variable("id", worldId)
                .retrieve("world.loreEntries").toEntityList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .block(Api.timeout());
        assertThat(lore).extracting(entry -> entry.get("content"))
                .containsExactly(Map.of("title", "The Brine Oath", "triggerKeys", List.of("oath", "brine")));

        // revise it, then retire it: the page shows each new revision once the API has it
        String entryId = browser.visible(By.cssSelector("#lore-entries li")).getAttribute("data-lore-id");
        browser.click(By.cssSelector("[data-lore-id='" + entryId + "'] button.revise"));
        browser.type(By.id("revise-" + entryId + "-content"), "Every salter swears on the brine, and the tide keeps the oath.");
        browser.click(By.id("revise-" + entryId + "-submit"));
        browser.waitForText(By.id("lore-entries"), "revision 2");
        assertThat(browser.visible(By.id("lore-entries")).getText()).contains("the tide keeps the oath");
        browser.click(By.cssSelector("[data-lore-id='" + entryId + "'] button.retire"));
        browser.confirm();
        browser.waitForText(By.cssSelector("[data-lore-id='" + entryId + "']"), "retired");

        // a member joins as a player and becomes an admin of the world
        String guest = admin + "-guest";
        browser.type(By.id("new-member-user"), guest);
        browser.click(By.id("new-member-submit"));
        browser.waitForText(By.id("members"), guest);
        new Select(browser.visible(By.cssSelector("[data-member='" + guest + "'] select"))).selectByVisibleText("ADMIN");
        browser.waitForText(By.cssSelector("[data-member='" + guest + "'] select option:checked"), "ADMIN");
        browser.screenshot("world-members");

        // archived: the world can no longer be changed, and the page no longer offers to
        browser.click(By.id("archive-world"));
        browser.confirm();
        browser.waitForText(By.id("world-state"), "archived");
        assertThat(browser.driver().findElements(By.id("new-lore-submit"))).isEmpty();

        browser.click(By.linkText("Worlds"));
        browser.waitForText(By.id("worlds"), worldName);
        assertThat(browser.visible(By.id("worlds")).getText()).contains("MATURE").contains("archived");
        browser.screenshot("worlds");
    }

    @Test
    void aPlayerIsRefusedTheAdminScreens() {
        browser.signIn("portal-player", "PLAYER");
        assertThat(browser.visible(By.id("refused")).getText()).contains("Not for your roles").contains("PLAYER");
        assertThat(browser.driver().findElements(By.id("create-world-title"))).isEmpty();
        browser.screenshot("refused-player");
    }
}
