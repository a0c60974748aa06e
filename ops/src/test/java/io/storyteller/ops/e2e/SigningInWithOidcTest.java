package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.ops.StorytellerApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The portal signs in at a real identity provider (Spring Authorization Server, {@link TestIdentityProvider})
 * with the authorization code flow and PKCE, in headless Chromium, through real redirects. The application
 * trusts that provider as its issuer, so it runs in a context of its own (the shared end-to-end context
 * uses the embedded issuer), started once for this class and closed after it.
 */
class SigningInWithOidcTest {

    private static TestIdentityProvider identityProvider;
    private static ConfigurableApplicationContext application;
    private static String portal;

    private PortalBrowser browser;

    @BeforeAll
    static void startIdentityProviderAndApplication() throws IOException {
        int port = freePort();
        // 127.0.0.1: the provider, like any OAuth 2.1 server, refuses "localhost" in a redirect URI
        portal = "http://127.0.0.1:" + port;
        identityProvider = TestIdentityProvider.start(portal);
        application = new SpringApplicationBuilder(StorytellerApplication.class)
                .initializers(new TemporaryDataDir())
                .run("--server.port=" + port,
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + identityProvider.issuer(),
                        "--storyteller.portal.oidc.client-id=" + TestIdentityProvider.CLIENT_ID);
    }

    @AfterAll
    static void stopThem() {
        if (application != null) {
            application.close();
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = new PortalBrowser(portal);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aWorldAdminSignsInAtTheIdentityProviderAndCreatesAWorld() throws Exception {
        browser.open("/admin");
        assertThat(browser.visible(By.id("sign-in-oidc")).getText()).isEqualTo("Sign in with " + identityProvider.issuer());
        browser.screenshot("sign-in-oidc");
        browser.click(By.id("sign-in-oidc"));

        // the provider requires PKCE of this client: it hands out a code only for a challenge, and tokens only for its verifier
        logInAtTheIdentityProvider(TestIdentityProvider.WORLD_ADMIN);
        browser.waitForText(By.id("signed-in-as"), TestIdentityProvider.WORLD_ADMIN + " · WORLD_ADMIN");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(portal + "/admin/#/worlds");
        browser.visible(By.id("create-world-title"));

        // the API accepts the provider's token: the world is created under the admin's name
        String worldName = "The Glass Fens " + UUID.randomUUID().toString().substring(0, 8);
        browser.type(By.id("new-world-name"), worldName);
        browser.type(By.id("new-world-genre"), "fantasy");
        browser.type(By.id("new-world-tone"), "hushed");
        new Select(browser.visible(By.id("new-world-rating"))).selectByVisibleText("TEEN");
        browser.type(By.id("new-world-premise"), "Reed-cutters read the weather in the fen's glass.");
        browser.click(By.id("new-world-submit"));
        browser.waitForText(By.id("world-name"), worldName);

        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
        assertThat(portalPolicy()).contains("connect-src 'self' " + identityProvider.issuer() + ";")
                .contains("script-src 'self';").contains("form-action 'self'");
    }

    @Test
    void aPlayerSignedInAtTheIdentityProviderIsRefusedTheAdminScreensAndAnExpiredTokenSignsOut() {
        browser.open("/admin");
        browser.click(By.id("sign-in-oidc"));
        logInAtTheIdentityProvider(TestIdentityProvider.PLAYER);

        assertThat(browser.visible(By.id("refused")).getText()).contains("Not for your roles").contains("PLAYER");
        assertThat(browser.driver().findElements(By.id("create-world-title"))).isEmpty();

        // a token past its expiry signs out cleanly: the sign-in page again, the token gone
        String expired = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"sub\":\"pip\",\"exp\":1}".getBytes(StandardCharsets.UTF_8)) + ".x";
        browser.driver().executeScript("sessionStorage.setItem('storyteller.token', arguments[0])", expired);
        browser.driver().navigate().refresh();
        browser.visible(By.id("sign-in-oidc"));
        assertThat(browser.driver().executeScript("return sessionStorage.getItem('storyteller.token')")).isNull();
    }

    @Test
    void aCallbackWithAnotherStateIsRefusedEvenWithARealCode() throws Exception {
        browser.open("/admin");
        browser.click(By.id("sign-in-oidc"));
        browser.visible(By.id("username"));

        // what the tab remembered for its sign-in; the provider is then asked again with a state the tab never sent
        browser.open("/admin/api/sign-in");
        @SuppressWarnings("unchecked")
        Map<String, String> pending = new ObjectMapper().readValue(
                (String) browser.driver().executeScript("return sessionStorage.getItem('storyteller.oidc.pending')"), Map.class);
        String forged = pending.get("state") + "-forged";
        browser.driver().get(identityProvider.issuer() + "/oauth2/authorize?" + query(Map.of(
                "response_type", "code", "client_id", TestIdentityProvider.CLIENT_ID,
                "redirect_uri", portal + "/admin/callback", "scope", "openid profile", "state", forged,
                "nonce", pending.get("nonce"), "code_challenge", challenge(pending.get("verifier")),
                "code_challenge_method", "S256")));
        logInAtTheIdentityProvider(TestIdentityProvider.WORLD_ADMIN);

        browser.waitForText(By.id("sign-in-refused"), "does not carry the state this tab sent");
        assertThat(browser.driver().getCurrentUrl()).contains("/admin/callback?code=").contains("state=" + forged);
        assertThat(browser.requestedAddresses()).noneMatch(address -> address.contains("/oauth2/token"));
        assertThat(browser.driver().executeScript("return sessionStorage.getItem('storyteller.token')")).isNull();
        assertThat(browser.driver().findElements(By.id("signed-in-as"))).isEmpty();
        browser.screenshot("sign-in-refused");
    }

    private void logInAtTheIdentityProvider(String user) {
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), TestIdentityProvider.PASSWORD);
        browser.click(By.cssSelector("form button[type=submit]"));
    }

    private static String portalPolicy() throws IOException, InterruptedException {
        HttpResponse<Void> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(portal + "/admin")).build(), HttpResponse.BodyHandlers.discarding());
        return page.headers().firstValue("Content-Security-Policy").orElse("") + ";";
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
