package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL comes from the application's own bundle, under a Content-Security-Policy that allows only
 * the application's origin: it renders its editor and runs a query with no request leaving the origin
 * and nothing refused by the policy.
 */
@EndToEnd
class BundledGraphiqlTest {

    private static final String POLICY_CORE = "default-src 'self'";
    /** Script only from the application itself: no inline script, no eval, no other host. */
    private static final String SCRIPTS = "script-src 'self';";

    @LocalServerPort
    int port;

    @Test
    void graphiqlRunsAQueryWithNothingFromAnotherOrigin() {
        try (PortalBrowser browser = new PortalBrowser(port)) {
            runAQuery(browser);
        }
    }

    private static void runAQuery(PortalBrowser browser) {
        // signed in on the portal in this tab: GraphiQL's headers editor starts with the token
        browser.signIn("graphiql-admin", "PLATFORM_ADMIN");
        browser.open("/graphiql");
        browser.visible(By.cssSelector(".graphiql-container .graphiql-query-editor .CodeMirror"));
        browser.click(By.cssSelector("button.graphiql-execute-button"));
        browser.waitForText(By.cssSelector(".graphiql-response"), "graphiql-admin");
        browser.screenshot("graphiql");

        List<String> addresses = browser.requestedAddresses();
        assertThat(addresses).isNotEmpty().allSatisfy(address -> assertThat(address).startsWith(browser.origin() + "/"));
        assertThat(addresses).anySatisfy(address -> assertThat(address).contains("/admin/assets/graphiql-"));
        // a dialog too (its scroll lock is a library that could have injected inline styles)
        browser.click(By.cssSelector("[aria-label='Open settings dialog']"));
        browser.visible(By.cssSelector("[role='dialog']"));
        assertThat(browser.consoleMessages())
                .noneMatch(message -> message.contains("Content Security Policy"))
                .as("GraphiQL's own requests (the schema's introspection) carry the portal's token")
                .noneMatch(message -> message.contains("/graphql") && message.contains("401"));

        // subscriptions: the page may open a WebSocket to its own origin (connect-src 'self' covers ws:)
        Object socket = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const socket = new WebSocket(location.origin.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
                socket.onopen = () => { socket.close(); done('open'); };
                socket.onerror = () => done('refused');""");
        assertThat(socket).isEqualTo("open");

        // the canary: an inline script is refused and the console says so, so the silence above means something
        browser.driver().executeScript("const s = document.createElement('script'); s.textContent = 'window.canary = 1';"
                + " document.body.appendChild(s);");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> browser.consoleMessages().stream()
                .anyMatch(message -> message.contains("Content Security Policy")));
        assertThat(browser.driver().executeScript("return window.canary === undefined")).isEqualTo(true);
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicy() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String path : List.of("/graphiql", "/admin", "/admin/graphiql.html", "/graphql", "/actuator/health")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).startsWith(POLICY_CORE).contains(SCRIPTS)
                            .doesNotContain("unsafe-eval").doesNotContain("http").doesNotContain("*"));
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/admin/assets/graphiql-").doesNotContain("https://");
    }
}
