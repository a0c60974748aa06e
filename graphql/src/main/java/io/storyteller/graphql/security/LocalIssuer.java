package io.storyteller.graphql.security;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The app as its own token issuer, when no external one is configured: a signing key under the data
 * directory, a decoder that accepts only tokens it signed, and the minter that signs them.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalIssuerCondition.class)
public class LocalIssuer {

    @Bean
    LocalSigningKey localSigningKey(@Value("${storyteller.data-dir:./data}") Path dataDir) {
        return LocalSigningKey.loadOrCreate(dataDir.resolve("keys").resolve("jwt-signing.json"));
    }

    @Bean
    JwtDecoder jwtDecoder(LocalSigningKey signingKey) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(signingKey.key().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenMinter.ISSUER),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText),
                // the default validators check exp only when present; a token must carry one
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    @Bean
    TokenMinter tokenMinter(LocalSigningKey signingKey) {
        return new TokenMinter(signingKey.key(), Clock.systemUTC());
    }
}
