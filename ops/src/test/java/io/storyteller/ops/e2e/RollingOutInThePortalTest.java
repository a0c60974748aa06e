package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A platform admin in the portal finds a world's house model in the registry, starts a rollout of its
 * version 2 on the world's narrator slot from the deployments screen, and watches the rollout's page
 * follow it live (pushed by deploymentEvents) through the shadow phase and the canary until the
 * analyses promote it, while players keep playing; paused and resumed from the page on the way. Small steps and lenient gates on the rollout
 * context's fast clock make it promote within a minute, as in {@link RolloutEndToEndTest}.
 */
class RollingOutInThePortalTest extends RolloutScenario {

    @Test
    void aPlatformAdminStartsARolloutInThePortalAndWatchesItProgressAndPromote() {
        String worldId = cast.worlds.withTwoHouseModels("Portal harbour " + cast.tag);
        String modelId = "house:" + worldId;
        Ref v2 = Ref.house(worldId, "2");
        String deploymentId = cast.manager.createDeployment(worldId, Ref.house(worldId, "1"));
        List<String> stories = cast.startStories(worldId, 6);
        cast.awaitSlot(worldId, d -> d.stable().equals(Ref.house(worldId, "1")));
        String source = cast.manager.model(modelId).source();

        try (PortalBrowser browser = new PortalBrowser(port)) {
            browser.signIn("portal-rollout-admin-" + cast.tag, "PLATFORM_ADMIN");

            // the registry, filtered by the model's source, lists it; its page shows both versions
            browser.open("/admin#/models");
            browser.waitForText(By.id("models"), modelId);
            new Select(browser.visible(By.id("filter-source"))).selectByVisibleText(source);
            browser.waitForText(By.cssSelector("[data-model='" + modelId + "']"), source);
            assertThat(browser.texts(By.cssSelector("#models tbody tr td:nth-child(3)")))
                    .allSatisfy(cell -> assertThat(cell).startsWith(source));
            browser.screenshot("models");
            browser.click(By.linkText(modelId));
            browser.waitForText(By.id("versions"), "Version 2");
            assertThat(browser.visible(By.id("versions")).getText()).contains("Version 1");
            browser.screenshot("model");

            // the slot with its split, then a rollout started from the form
            browser.open("/admin#/deployments");
            String row = "[data-deployment='" + deploymentId + "']";
            browser.waitForText(By.cssSelector(row), "stable 100% · candidate 0%");
            assertThat(browser.visible(By.cssSelector(row + " .stable-ref")).getText()).isEqualTo(modelId + " v1");
            new Select(browser.visible(By.id("rollout-slot"))).selectByValue(deploymentId);
            browser.type(By.id("rollout-model"), modelId);
            browser.type(By.id("rollout-version"), "2");
            browser.type(By.id("rollout-steps"), "50, 100");
            browser.type(By.id("rollout-interval"), "PT2S");
            browser.type(By.id("rollout-min-samples"), "2");
            browser.type(By.id("rollout-mirrored"), "3");
            browser.type(By.id("rollout-max-error-rate"), "0.5");
            browser.type(By.id("rollout-max-latency"), "60000");
            browser.type(By.id("rollout-reason"), "version 2 learnt the salt archive");
            browser.screenshot("deployments");
            browser.click(By.id("rollout-submit"));

            // its page, live: the shadow first; the players' narrations move it through the canary to the promotion
            browser.waitForText(By.id("rollout-state"), "SHADOW: step 0 of 2");
            browser.markDocument();
            browser.type(By.id("rollout-control-reason"), "a look at the shadow first");
            browser.click(By.id("pause-rollout"));
            browser.waitForText(By.id("rollout-state"), "SHADOW (paused): step 0 of 2");
            browser.click(By.id("resume-rollout"));
            browser.visible(By.id("pause-rollout"));
            assertThat(browser.visible(By.id("rollout-state")).getText()).isEqualTo("SHADOW: step 0 of 2, candidate weight 0%");
            String rolloutId = cast.manager.deployment(worldId).rollout().rolloutId();
            List<String> playing = new ArrayList<>(stories);
            playing.addAll(cast.storiesOnBothArms(worldId, stories, rolloutId, 50, 2));
            try (var players = RolloutPlayers.start(cast.player, playing, 100, RolloutFixture.ROLLOUT_PATIENCE)) {
                browser.waitForText(By.id("rollout-state"), "CANARY");
                browser.screenshotFromTop("rollout-canary");
                browser.waitForText(By.id("rollout-state"), "PROMOTED: " + modelId + " v2 is now the stable model.");
            }
            assertThat(browser.sameDocument()).as("followed without a reload").isTrue();
            browser.waitForText(By.id("analyses"), "PROMOTE");
            assertThat(browser.visible(By.id("analyses")).getText()).contains("ADVANCE").contains("ERROR_RATE passed");
            assertThat(browser.driver().findElements(By.cssSelector("#gate-chart-ERROR_RATE canvas"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#gate-chart-LATENCY_P95 canvas"))).isNotEmpty();
            int points = Integer.parseInt(browser.visible(By.id("rollout-progress-chart")).getAttribute("data-points"));
            assertThat(points).as("pushed changes charted: shadow, canary steps, promotion").isGreaterThanOrEqualTo(3);
            browser.screenshotFromTop("rollout-promoted");
            browser.screenshot("rollout-analyses", By.id("analyses-title"));
        }

        // the page said what the API holds
        Deployment after = cast.manager.deployment(worldId);
        assertThat(after.stable()).isEqualTo(v2);
        assertThat(after.rollout()).isNull();
    }
}
