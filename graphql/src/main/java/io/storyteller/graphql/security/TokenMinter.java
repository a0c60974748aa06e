package io.storyteller.graphql.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.caller.ActorClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/**
 * Signs access tokens with the local signing key, for the embedded run where the app is its own
 * issuer (the ops CLI hands them to users). Claims: {@code iss} storyteller-local, {@code sub} the
 * user id, {@code roles} the platform roles, and for the model manager (the meta-manager) also
 * {@code scope} {@value ActorClaims#MODELS_MANAGE}, the authority an external issuer would grant.
 */
public class TokenMinter {

    public static final String ISSUER = "storyteller-local";

    private final RSAKey key;
    private final Clock clock;

    public TokenMinter(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException for a blank user id, a ttl that is not positive, or the SYSTEM
     *                                  role, which belongs to the platform and is never granted by a token
     */
    public String mint(String userId, Set<PlatformRole> roles, Duration ttl) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        if (roles.contains(PlatformRole.SYSTEM)) {
            throw new IllegalArgumentException("the SYSTEM role is never granted by a token");
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.strip())
                .claim(ActorClaims.ROLES, roles.stream().sorted().map(Enum::name).toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (roles.contains(PlatformRole.MODEL_MANAGER)) {
            claims.claim(ActorClaims.SCOPE, ActorClaims.MODELS_MANAGE);
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        try {
            SignedJWT token = new SignedJWT(header, claims.build());
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with the local key", e);
        }
    }
}
