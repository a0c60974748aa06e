package io.storyteller.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** With OIDC sign-in on, the policy lets the browser reach the issuer's origin, and nothing else more. */
class ConnectSourcesTest {

    @Test
    void addsTheIssuersOriginToConnectSrcOnly() {
        String policy = "default-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
        assertThat(ConnectSources.allowing(policy, "https://id.example.org"))
                .isEqualTo("default-src 'self'; script-src 'self'; connect-src 'self' https://id.example.org; frame-ancestors 'none'");
    }

    @Test
    void withoutConnectSrcStartsFromDefaultSrc() {
        assertThat(ConnectSources.allowing("default-src 'self'; img-src data:", "https://id.example.org"))
                .isEqualTo("default-src 'self'; img-src data:; connect-src 'self' https://id.example.org");
        assertThat(ConnectSources.allowing("img-src data:", "https://id.example.org")).isEqualTo("img-src data:");
        assertThat(ConnectSources.allowing("connect-src 'none'", "https://id.example.org"))
                .isEqualTo("connect-src https://id.example.org");
    }

    @Test
    void theOriginIsSchemeHostAndPortOfTheIssuer() {
        assertThat(ConnectSources.originOf("https://ID.example.org/realms/storyteller")).isEqualTo("https://id.example.org");
        assertThat(ConnectSources.originOf("http://localhost:9000")).isEqualTo("http://localhost:9000");
        assertThatThrownBy(() -> ConnectSources.originOf("id.example.org/realms")).hasMessageContaining("not an absolute http(s) address");
    }
}
