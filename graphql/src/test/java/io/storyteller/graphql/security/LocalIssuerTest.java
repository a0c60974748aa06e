package io.storyteller.graphql.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The app is its own issuer exactly when no external issuer is configured. */
class LocalIssuerTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(LocalIssuer.class)
                .withPropertyValues("storyteller.data-dir=" + dataDir);
    }

    @Test
    void without_an_external_issuer_the_app_signs_and_checks_its_own_tokens() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(TokenMinter.class).hasSingleBean(JwtDecoder.class);
            assertThat(dataDir.resolve("keys/jwt-signing.json")).exists();
        });
    }

    @Test
    void with_an_issuer_uri_or_jwk_set_uri_the_local_issuer_steps_aside() {
        runner().withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example/realms/play")
                .run(context -> assertThat(context).doesNotHaveBean(TokenMinter.class).doesNotHaveBean(JwtDecoder.class));
        runner().withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.example/jwks")
                .run(context -> assertThat(context).doesNotHaveBean(TokenMinter.class).doesNotHaveBean(JwtDecoder.class));
    }
}
