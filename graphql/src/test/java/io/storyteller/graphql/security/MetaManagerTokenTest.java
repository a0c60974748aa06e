package io.storyteller.graphql.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.caller.ActorClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The meta-manager is a token with the models:manage authority: a scope, or the MODEL_MANAGER role. */
class MetaManagerTokenTest extends ApiTest {

    private static final String ME = "{ me { userId roles } }";

    @Autowired
    LocalSigningKey signingKey;
    @Autowired
    JwtDecoder decoder;

    @Test
    void the_minter_mints_the_model_manager_with_its_scope() {
        String token = tokens.mint("meta", Set.of(PlatformRole.MODEL_MANAGER), Duration.ofMinutes(1));

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MODEL_MANAGER");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("models:manage");
        assertThat(body(post(ME, Map.of(), token)).at("/data/me/roles").toString()).isEqualTo("[\"MODEL_MANAGER\"]");
    }

    @Test
    void the_minter_still_refuses_SYSTEM() {
        assertThatThrownBy(() -> tokens.mint("engine", Set.of(PlatformRole.MODEL_MANAGER, PlatformRole.SYSTEM),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_scope_or_scp_claim_with_models_manage_maps_to_MODEL_MANAGER() {
        assertThat(roles(Map.of("scope", "openid models:manage"))).containsExactly(PlatformRole.MODEL_MANAGER);
        assertThat(roles(Map.of("scp", List.of("models:manage")))).containsExactly(PlatformRole.MODEL_MANAGER);
        assertThat(roles(Map.of("roles", List.of("MODEL_MANAGER")))).containsExactly(PlatformRole.MODEL_MANAGER);
        assertThat(roles(Map.of("roles", List.of("model_manager"), "scope", "Models:Manage"))).isEmpty();
        assertThat(roles(Map.of("scope", "models:read", "roles", "PLAYER"))).containsExactly(PlatformRole.PLAYER);
    }

    @Test
    void a_signed_token_with_only_the_scope_is_the_meta_manager_over_http() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TokenMinter.ISSUER).subject("meta")
                .claim("scope", "models:manage").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.key().getKeyID()).build(),
                claims);
        token.sign(new RSASSASigner(signingKey.key()));

        var me = body(post(ME, Map.of(), token.serialize())).at("/data/me");

        assertThat(me.get("userId").asText()).isEqualTo("meta");
        assertThat(me.get("roles").toString()).isEqualTo("[\"MODEL_MANAGER\"]");
    }

    private static Set<PlatformRole> roles(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("meta");
        claims.forEach(jwt::claim);
        return ActorClaims.roles(jwt.build());
    }
}
