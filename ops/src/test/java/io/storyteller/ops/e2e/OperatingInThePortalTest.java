package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A platform admin on the operations dashboard: the processors listed with their lag (charted),
 * a processor replayed from the page with its progress followed until it has caught up, the reset
 * found in the operator log, and a world's events found in the event log explorer; dead letters made
 * by a real failure inspected, retried once the cause is gone, and evicted.
 */
@EndToEnd
class OperatingInThePortalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

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
            browser.screenshotFromTop("operations");

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
            // the page re-reads with the filter: until then it shows the whole log's newest events
            browser.waitUntil("only the world's events are listed", () -> {
                List<String> entries = browser.texts(By.cssSelector("#event-log li summary"));
                return !entries.isEmpty() && entries.stream().allMatch(entry -> entry.contains(worldId));
            });
            assertThat(browser.texts(By.cssSelector("#event-log li summary"))).as("the world's events, newest first")
                    .hasSizeGreaterThan(1).last().asString().startsWith("WorldCreated");
            browser.screenshot("event-log");
            browser.type(By.id("log-event-type"), "WorldCreated");
            browser.click(By.id("log-apply"));
            browser.waitUntilGone(By.xpath("//ol[@id='event-log']/li[2]"));
            browser.click(By.cssSelector("#event-log li summary"));
            browser.waitForText(By.cssSelector("#event-log li pre"), "Dashboard Dunes " + tag);
        }
    }

    @Test
    void aPlatformAdminInspectsADeadLetterRetriesItOnceItsCauseIsGoneAndEvictsAnother() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String retried = "portal-dl-retried-" + tag;
        String evicted = "portal-dl-evicted-" + tag;
        Ops admin = new Ops(new Api(port, minter).as("portal-dl-reader-" + tag, PlatformRole.PLATFORM_ADMIN));
        // the worlds projection's insert fails for these names, as a real handler meets a real database refusal
        jdbc.execute("ALTER TABLE worlds ADD CONSTRAINT portal_doomed_" + tag + " CHECK (name NOT LIKE 'Doomed " + tag + "%')");
        try {
            eventStore.publish(world(retried, "Doomed " + tag + " Retried"), world(evicted, "Doomed " + tag + " Evicted"));
            await().atMost(PATIENCE).ignoreExceptions().until(() -> admin.list(
                            "{ deadLetters(processingGroup: \"worlds\", first: 500) { sequence } }", Map.of(), "deadLetters").stream()
                    .map(letter -> letter.get("sequence")).toList(), sequences -> sequences.containsAll(List.of(retried, evicted)));
        } finally {
            jdbc.execute("ALTER TABLE worlds DROP CONSTRAINT portal_doomed_" + tag);
        }

        try (PortalBrowser browser = new PortalBrowser(port)) {
            browser.signIn("portal-dl-operator-" + tag, "PLATFORM_ADMIN");
            browser.open("/admin#/operations");
            browser.waitForText(By.id("dead-letters"), retried);
            assertThat(browser.visible(By.id("dead-letters")).getText()).contains(evicted);

            browser.click(By.cssSelector("[data-dead-letter^='worlds/" + retried + "/'] button"));
            browser.waitForText(By.id("dead-letter"), "Doomed " + tag + " Retried");
            assertThat(browser.visible(By.id("dead-letter")).getText()).contains(WorldCreated.class.getName()).contains("World " + retried);
            browser.screenshot("dead-letter", By.id("dead-letter"));
            browser.click(By.id("retry-dead-letter"));
            browser.waitForText(By.id("dead-letter"), "Retried: the sequence was handled and left the queue.");
            browser.click(By.xpath("//section[@id='dead-letter']//button[text()='Close']"));
            browser.waitUntilGone(By.cssSelector("[data-dead-letter^='worlds/" + retried + "/']"));

            browser.click(By.cssSelector("[data-dead-letter^='worlds/" + evicted + "/'] button"));
            browser.waitForText(By.id("dead-letter"), "Doomed " + tag + " Evicted");
            browser.click(By.id("evict-dead-letter"));
            browser.confirm();
            browser.waitForText(By.id("dead-letter"), "Evicted 1 letter: the sequence left the queue unhandled.");
        }

        // the retried world reached its read model; the evicted one never will (until a replay)
        assertThat(jdbc.queryForObject("SELECT name FROM worlds WHERE world_id = ?", String.class, retried)).isEqualTo("Doomed " + tag + " Retried");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM worlds WHERE world_id = ?", Long.class, evicted)).isZero();
        assertThat(admin.list("{ deadLetters(processingGroup: \"worlds\", first: 500) { sequence } }", Map.of(), "deadLetters"))
                .extracting(letter -> letter.get("sequence")).doesNotContain(retried, evicted);
    }

    private static GenericDomainEventMessage<WorldCreated> world(String worldId, String name) {
        return new GenericDomainEventMessage<>("World", worldId, 0, new WorldCreated(worldId,
                new WorldSettings(name, "A premise.", "fantasy", "grim", ContentRating.TEEN, ""), "portal-operator"));
    }
}
