package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.PlayViews.Beat;
import io.storyteller.ops.e2e.PlayViews.BeatConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A story longer than one page of beats (100), read in the portal to its last beat: the story page
 * reads the next page on request (by keyboard), and keeps adding the beats played meanwhile, each
 * once; the audit of a narration past the 100th beat shows its text to whoever may read the story,
 * and still not to the model manager, who may audit but not read stories.
 */
@EndToEnd
class ReadingALongStoryInThePortalTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** Two beats a turn: 110 beats, a full first page and ten more. */
    private static final int TURNS = 55;

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void aPlatformAdminReadsAStoryOfMoreThanAHundredBeatsToItsLastAndAuditsALateNarration() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String playerId = "long-teller-" + tag;
        Api api = new Api(port, minter);
        PlayClient admin = new PlayClient(api.as("long-admin-" + tag, PlatformRole.WORLD_ADMIN));
        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String worldId = admin.createWorld("The Long Causeway " + tag);
        admin.addMember(worldId, playerId, "PLAYER");
        String storyId = player.startStory(worldId, "A hundred tides " + tag);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(player.story(storyId)).isNotNull());
        for (int turn = 1; turn <= TURNS; turn++) {
            playTurn(player, storyId, turn);
        }
        List<Beat> beats = allBeats(player, storyId);
        assertThat(beats).hasSize(2 * TURNS);

        try (PortalBrowser browser = new PortalBrowser(port)) {
            browser.signIn("long-reader-" + tag, "PLATFORM_ADMIN");
            browser.open("/admin#/worlds/" + worldId + "/stories/" + storyId);
            browser.waitForText(By.id("beats-shown"), "Showing beats 1–100 of 110");
            assertThat(shownBeatIds(browser)).containsExactlyElementsOf(ids(beats.subList(0, 100)));

            // a turn played past the pages read waits for its page: no beat shows after a gap
            playTurn(player, storyId, TURNS + 1);
            browser.waitForText(By.id("story-meta"), "112 beats");
            assertThat(shownBeatIds(browser)).hasSize(100);

            browser.screenshot("story-next-beats", By.id("beats-next"));
            WebElement next = browser.visible(By.id("beats-next"));
            assertThat(next.getText()).isEqualTo("Load the next 12 beats");
            next.sendKeys(Keys.ENTER);
            browser.waitUntil("the story's last beat shows", () -> shownBeatIds(browser).size() == 112);
            List<Beat> all = allBeats(player, storyId);
            assertThat(shownBeatIds(browser)).as("each beat once, in story order").containsExactlyElementsOf(ids(all));
            assertThat(flat(browser.texts(By.cssSelector("#beats > li:last-child")).getFirst())).contains(flat(all.getLast().text()));
            assertThat(browser.driver().findElements(By.id("beats-next"))).as("nothing more to read").isEmpty();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("data-beat"))
                    .as("the focus on the first beat read").isEqualTo(all.get(100).id());

            // all read: a beat played now joins the end, once
            playTurn(player, storyId, TURNS + 2);
            browser.waitUntil("the new turn shows", () -> shownBeatIds(browser).size() == 114);
            assertThat(shownBeatIds(browser)).containsExactlyElementsOf(ids(allBeats(player, storyId)));

            // the audit of the narration at beat 108 shows its text
            Beat late = all.get(107);
            assertThat(late.kind()).isEqualTo("NARRATION");
            browser.open("/admin#/audit/" + storyId + "/" + late.id());
            browser.waitUntil("the audited beat's text shows",
                    () -> flat(browser.visible(By.id("audited-beat")).getText()).contains(flat(late.text())));
            browser.visible(By.id("audit"));
        }

        try (PortalBrowser browser = new PortalBrowser(port)) {
            Beat late = beats.get(107);
            browser.signIn("long-auditor-" + tag, "MODEL_MANAGER");
            browser.open("/admin#/audit/" + storyId + "/" + late.id());
            browser.waitForText(By.id("audit"), "Alternative 0");
            assertThat(browser.driver().findElements(By.id("audited-beat"))).as("no story text for the model manager").isEmpty();
        }
    }

    /** Acts and waits until the turn's narration is in (the next action is refused while one is pending). */
    private static void playTurn(PlayClient player, String storyId, int turn) {
        player.act(storyId, "Turn " + turn + ": I walk one more mile along the causeway.");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).ignoreExceptions().untilAsserted(() -> {
            PlayViews.Story story = player.story(storyId);
            assertThat(story.beatCount()).isEqualTo(2 * turn);
            assertThat(story.narrationPending()).isFalse();
        });
    }

    /** Every beat of the story, through the API's pages. */
    private static List<Beat> allBeats(PlayClient reader, String storyId) {
        List<Beat> beats = new ArrayList<>();
        String after = null;
        BeatConnection page;
        do {
            page = reader.beats(storyId, 100, after);
            beats.addAll(page.beats());
            after = page.pageInfo().endCursor();
        } while (page.pageInfo().hasNextPage());
        return beats;
    }

    /** A text as a page shows it: its runs of white space as one space. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static List<String> ids(List<Beat> beats) {
        return beats.stream().map(Beat::id).toList();
    }

    private static List<String> shownBeatIds(PortalBrowser browser) {
        return browser.driver().findElements(By.cssSelector("#beats > li")).stream()
                .map(item -> item.getAttribute("data-beat")).toList();
    }
}
