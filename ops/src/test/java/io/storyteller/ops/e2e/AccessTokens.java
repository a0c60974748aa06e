package io.storyteller.ops.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.storyteller.graphql.security.LocalSigningKey;
import io.storyteller.graphql.security.TokenMinter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens made by hand, for the ones the application's {@link TokenMinter} refuses to make:
 * claiming the SYSTEM role, already expired, or signed by a key the application does not know.
 */
final class AccessTokens {

    private AccessTokens() {
    }

    /** The application's own signing key, as it keeps it under its data directory. */
    static RSAKey localKey(Path dataDir) {
        return LocalSigningKey.loadOrCreate(dataDir.resolve("keys").resolve("jwt-signing.json")).key();
    }

    /** A key of the right kind that the application never saw. */
    static RSAKey foreignKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as the local issuer would sign it, with whatever roles and expiry the caller wants. */
    static String sign(RSAKey key, String subject, List<String> roles, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(TokenMinter.ISSUER)
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(expiresAt.minusSeconds(3600)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        try {
            SignedJWT token = new SignedJWT(header, claims);
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
