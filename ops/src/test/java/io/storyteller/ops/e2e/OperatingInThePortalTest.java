package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A platform admin on the operations dashboard: the processors listed with their lag (charted),
 * a processor replayed from the page with its progress followed until it has caught up, the reset
 * found in the operator log, and a world's events found in the event log explorer.
 */
@EndToEnd
class OperatingInThePortalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void aPlatformAdminReplaysAProcessorAndFollowsItUntilItHasCaughtUp() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String operator = "portal-operator-" + tag;
        Api api = new Api(port, minter);
        String worldId = new PlayClient(api.as("portal-ops-world-" + tag, PlatformRole.WORLD_ADMIN)).createWorld("Dashboard Dunes " + tag);

        try (PortalBrowser browser = new PortalBrowser(port)) {
            browser.signIn(operator, "PLATFORM_ADMIN");
            browser.open("/admin#/operations");
            browser.waitForText(By.id("processors"), "worlds");
            assertThat(browser.visible(By.cssSelector("[data-processor='worlds']")).getText()).contains("running");
            assertThat(browser.driver().findElements(By.cssSelector("#lag-chart canvas"))).as("the lag chart").isNotEmpty();

            browser.click(By.id("replay-worlds"));
            browser.confirm();
            browser.waitForText(By.id("replay-status-worlds"), "Replay finished: caught up past event");
            browser.screenshot("operations");

            // the reset went through the API, as this operator, and the operator log shows it
            Ops reader = new Ops(api.as("portal-ops-reader-" + tag, PlatformRole.PLATFORM_ADMIN));
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(
                    reader.list("{ operatorActions(first: 50) { operatorId action target succeeded } }", Map.of(), "operatorActions"))
                    .contains(Map.of("operatorId", operator, "action", "resetProcessor", "target", "worlds", "succeeded", true)));
            browser.click(By.xpath("//section[@aria-labelledby='operator-log-title']//button[text()='Refresh']"));
            browser.waitForText(By.id("operator-log"), operator);

            // the event log explorer, filtered to the world
            browser.open("/admin#/events");
            browser.type(By.id("log-aggregate-id"), worldId);
            browser.click(By.id("log-apply"));
            browser.waitForText(By.id("event-log"), "WorldCreated");
            assertThat(browser.texts(By.cssSelector("#event-log li summary"))).as("the world's events, newest first")
                    .hasSizeGreaterThan(1).allSatisfy(entry -> assertThat(entry).contains(worldId)).last().asString()
                    .startsWith("WorldCreated");
            browser.screenshot("event-log");
            browser.type(By.id("log-event-type"), "WorldCreated");
            browser.click(By.id("log-apply"));
            browser.waitUntilGone(By.xpath("//ol[@id='event-log']/li[2]"));
            browser.click(By.cssSelector("#event-log li summary"));
            browser.waitForText(By.cssSelector("#event-log li pre"), "Dashboard Dunes " + tag);
        }
    }
}
