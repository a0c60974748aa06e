package io.storyteller.graphql.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Matches when no external token issuer is configured; then the app signs and checks its own tokens.
 * When one is configured, Spring Boot's resource-server auto-configuration builds the JwtDecoder.
 */
class LocalIssuerCondition extends NoneNestedConditions {

    LocalIssuerCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
    static class IssuerUri {
    }

    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
    static class JwkSetUri {
    }

    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
    static class PublicKeyLocation {
    }
}
