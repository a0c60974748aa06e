package io.storyteller.ops.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.storyteller.graphql.security.TokenMinter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/** The server reads the issuer's endpoints for the portal's OIDC sign-in, once, and says plainly when it cannot. */
class IssuerDiscoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OidcSettings OIDC = new OidcSettings("storyteller-portal", "openid profile", "", Duration.ofSeconds(2));

    private HttpServer issuerServer;
    private String issuer;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> namedIssuer = new AtomicReference<>();

    @BeforeEach
    void startIssuer() throws IOException {
        issuerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + issuerServer.getAddress().getPort() + "/realms/play";
        namedIssuer.set(issuer);
        issuerServer.createContext("/realms/play/.well-known/openid-configuration", exchange -> {
            reads.incrementAndGet();
            byte[] body = ("{\"issuer\":\"" + namedIssuer.get() + "\","
                    + "\"authorization_endpoint\":\"" + issuer + "/protocol/openid-connect/auth\","
                    + "\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\","
                    + "\"jwks_uri\":\"" + issuer + "/certs\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuerServer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuerServer.stop(0);
    }

    @Test
    void readsTheEndpointsOnceAndKeepsThem() {
        IssuerDiscovery discovery = new IssuerDiscovery(issuer, Duration.ofSeconds(2), JSON);

        IssuerDiscovery.Endpoints endpoints = discovery.endpoints();
        discovery.endpoints();

        assertThat(endpoints).isEqualTo(new IssuerDiscovery.Endpoints(issuer + "/protocol/openid-connect/auth",
                issuer + "/protocol/openid-connect/token"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void anUnreachableIssuerIsNamedWithTheReason() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
        IssuerDiscovery discovery = new IssuerDiscovery(closed, Duration.ofSeconds(2), JSON);

        assertThatThrownBy(discovery::endpoints).isInstanceOf(IssuerDiscovery.IssuerUnavailable.class)
                .hasMessageContaining(closed + "/.well-known/openid-configuration could not be reached")
                .hasMessageContaining("OIDC sign-in is unavailable until it answers");
    }

    @Test
    void aFailedReadIsNotKeptSoTheNextSignInTriesAgain() {
        IssuerDiscovery discovery = new IssuerDiscovery(issuer, Duration.ofSeconds(2), JSON);
        status.set(503);
        assertThatThrownBy(discovery::endpoints).hasMessageContaining("answered HTTP 503");

        status.set(200);
        assertThat(discovery.endpoints().tokenEndpoint()).isEqualTo(issuer + "/protocol/openid-connect/token");
        assertThat(reads).hasValue(2);
    }

    @Test
    void refusesADocumentThatNamesAnotherIssuer() {
        namedIssuer.set("https://elsewhere.example/realms/play");
        assertThatThrownBy(new IssuerDiscovery(issuer, Duration.ofSeconds(2), JSON)::endpoints)
                .hasMessageContaining("names the issuer 'https://elsewhere.example/realms/play', not the configured '" + issuer + "'");
    }

    @Test
    void theSignInPageIsToldTheEndpointsClientScopesAndRedirect() {
        SignInChoices.SignInOptions options = choices(issuer, OIDC).options(request());

        assertThat(options.localSignIn()).isFalse();
        assertThat(options.issuer()).isEqualTo(issuer);
        assertThat(options.problem()).isNull();
        assertThat(options.oidc()).isEqualTo(new SignInChoices.OidcSignIn(issuer + "/protocol/openid-connect/auth",
                issuer + "/protocol/openid-connect/token", "storyteller-portal", List.of("openid", "profile"),
                "https://portal.example:8443/admin/callback"));
    }

    @Test
    void theSignInPageIsToldWhyWhenTheIssuerDoesNotAnswer() {
        issuerServer.stop(0);
        SignInChoices.SignInOptions options = choices(issuer, OIDC).options(request());

        assertThat(options.oidc()).isNull();
        assertThat(options.issuer()).isEqualTo(issuer);
        assertThat(options.problem()).contains("could not be reached");
    }

    @Test
    void withoutAClientIdThereIsNoOidcSignInAndNothingIsRead() {
        OidcSettings noClient = new OidcSettings("", "openid profile", "", Duration.ofSeconds(2));
        SignInChoices.SignInOptions options = choices(issuer, noClient).options(request());

        assertThat(options).isEqualTo(new SignInChoices.SignInOptions(false, issuer, null, null));
        assertThat(reads).hasValue(0);
    }

    private static SignInChoices choices(String issuerUri, OidcSettings oidc) {
        ObjectProvider<TokenMinter> none = new StaticListableBeanFactory().getBeanProvider(TokenMinter.class);
        LocalSignIn local = new LocalSignIn(none, new PortalSettings(true, false, Duration.ofHours(8)));
        return new SignInChoices(local, oidc, JSON, issuerUri);
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/api/sign-in");
        request.setScheme("https");
        request.setServerName("portal.example");
        request.setServerPort(8443);
        return request;
    }
}
