package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role signed in to the portal sees exactly the screens it may use, opens each of them without
 * the API refusing, and is refused the others even when it types their address.
 */
@EndToEnd
class PortalRolesTest {

    private static final List<String> WORLDS = List.of("#/worlds");
    private static final List<String> MODELS = List.of("#/models", "#/deployments", "#/audit");
    private static final List<String> OPERATIONS = List.of("#/operations", "#/events");
    private static final Map<String, String> HEADINGS = Map.of("#/worlds", "Worlds", "#/models", "Models",
            "#/deployments", "Deployments", "#/audit", "Beat audit", "#/operations", "Operations", "#/events", "Event log");

    @LocalServerPort
    int port;

    private PortalBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new PortalBrowser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    static List<Arguments> roles() {
        return List.of(
                Arguments.of("WORLD_ADMIN", List.of("Worlds", "GraphiQL"), WORLDS),
                Arguments.of("MODEL_MANAGER", List.of("Models", "Deployments", "Beat audit", "GraphiQL"), MODELS),
                Arguments.of("PLATFORM_ADMIN",
                        List.of("Worlds", "Models", "Deployments", "Beat audit", "Operations", "Event log", "GraphiQL"),
                        concat(WORLDS, MODELS, OPERATIONS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void eachRoleSeesExactlyItsScreens(String role, List<String> links, List<String> allowed) {
        browser.signIn("portal-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role);
        assertThat(browser.texts(By.cssSelector("#screens a"))).containsExactlyElementsOf(links);

        for (String screen : concat(WORLDS, MODELS, OPERATIONS)) {
            browser.open("/admin" + screen);
            if (allowed.contains(screen)) {
                // the screen rendered its heading and, once its reads answered, shows no refusal from the API
                browser.waitForText(By.cssSelector("main h1"), HEADINGS.get(screen));
                browser.waitUntilGone(By.cssSelector("main .loading"));
                assertThat(browser.driver().findElements(By.id("refused"))).as(screen).isEmpty();
                assertThat(browser.texts(By.cssSelector("main .error"))).as(screen + " errors").isEmpty();
            } else {
                assertThat(browser.visible(By.id("refused")).getText()).as(screen).contains("Not for your roles").contains(role);
            }
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
