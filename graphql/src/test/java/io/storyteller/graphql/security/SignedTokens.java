package io.storyteller.graphql.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Builds tokens the TokenMinter would never issue: other keys, past or no expiry, forbidden or misspelled roles. */
final class SignedTokens {

    private SignedTokens() {
    }

    static RSAKey anotherKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("another").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(RSAKey key, String issuer, String subject, List<String> roles, Instant expiresAt) {
        return sign(key, new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiresAt))
                .build());
    }

    /** A token that never expires: no exp claim at all. */
    static String signWithoutExpiry(RSAKey key, String issuer, String subject, List<String> roles) {
        return sign(key, new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("roles", roles)
                .issueTime(new Date()).build());
    }

    /** A token with the given scope claim and no roles. */
    static String signWithScope(RSAKey key, String issuer, String subject, String scope, Instant expiresAt) {
        return sign(key, new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("scope", scope)
                .expirationTime(Date.from(expiresAt)).build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
