package io.storyteller.graphql.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.EndStory;
import io.storyteller.graphql.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class TokenAuthenticationTest extends ApiTest {

    private static final String ME = "{ me { userId roles } }";

    @Autowired
    LocalSigningKey signingKey;

    @Test
    void a_token_minted_by_the_token_minter_is_accepted() {
        MvcTestResult result = post(ME, Map.of(), tokens.mint("bob", Set.of(PlatformRole.PLATFORM_ADMIN), Duration.ofMinutes(1)));

        assertThat(result).hasStatusOk();
        JsonNode me = body(result).at("/data/me");
        assertThat(me.get("userId").asText()).isEqualTo("bob");
        assertThat(me.get("roles").toString()).isEqualTo("[\"PLATFORM_ADMIN\"]");
    }

    @Test
    void a_request_without_a_token_is_unauthorized() {
        assertUnauthorized(post(ME, Map.of(), null));
    }

    @Test
    void a_token_signed_by_another_key_is_unauthorized() {
        String forged = SignedTokens.sign(SignedTokens.anotherKey(), TokenMinter.ISSUER, "mallory", List.of("PLATFORM_ADMIN"),
                Instant.now().plusSeconds(300));

        assertUnauthorized(post(ME, Map.of(), forged));
    }

    @Test
    void an_expired_token_is_unauthorized() {
        String expired = SignedTokens.sign(signingKey.key(), TokenMinter.ISSUER, "alice", List.of("PLAYER"),
                Instant.now().minus(Duration.ofMinutes(10)));

        assertUnauthorized(post(ME, Map.of(), expired));
    }

    @Test
    void a_token_without_an_expiry_is_unauthorized() {
        String forever = SignedTokens.signWithoutExpiry(signingKey.key(), TokenMinter.ISSUER, "alice", List.of("PLAYER"));

        assertUnauthorized(post(ME, Map.of(), forever));
    }

    @Test
    void a_token_without_an_expiry_is_refused_by_the_converter_whoever_signed_it() {
        Jwt forever = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").claim("roles", List.of("PLAYER")).build();

        assertThatThrownBy(() -> new JwtActorConverter().convert(forever))
                .isInstanceOf(org.springframework.security.oauth2.server.resource.InvalidBearerTokenException.class);
    }

    @Test
    void a_subject_that_is_no_user_id_is_unauthorized() {
        for (String subject : List.of("two words", "nul\u0000", "\u202Eadmin")) {
            Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                    .expiresAt(Instant.now().plusSeconds(300)).claim("roles", List.of("PLAYER")).build();

            assertThatThrownBy(() -> new JwtActorConverter().convert(token)).as(subject)
                    .isInstanceOf(org.springframework.security.oauth2.server.resource.InvalidBearerTokenException.class);
        }
        String signed = SignedTokens.sign(signingKey.key(), TokenMinter.ISSUER, "two words", List.of("PLAYER"),
                Instant.now().plusSeconds(300));
        assertUnauthorized(post(ME, Map.of(), signed));
    }

    @Test
    void role_names_are_matched_exactly_and_other_spellings_are_ignored() {
        String misspelled = SignedTokens.sign(signingKey.key(), TokenMinter.ISSUER, "mallory",
                List.of("platform_admin", "Model_Manager", "PLAYER"), Instant.now().plusSeconds(300));
        String shoutedScope = SignedTokens.signWithScope(signingKey.key(), TokenMinter.ISSUER, "mallory", "MODELS:MANAGE",
                Instant.now().plusSeconds(300));
        String scope = SignedTokens.signWithScope(signingKey.key(), TokenMinter.ISSUER, "meta", "openid models:manage",
                Instant.now().plusSeconds(300));

        assertThat(body(post(ME, Map.of(), misspelled)).at("/data/me/roles").toString()).isEqualTo("[\"PLAYER\"]");
        assertThat(body(post(ME, Map.of(), shoutedScope)).at("/data/me/roles").toString()).isEqualTo("[]");
        assertThat(body(post(ME, Map.of(), scope)).at("/data/me/roles").toString()).isEqualTo("[\"MODEL_MANAGER\"]");
    }

    @Test
    void a_token_from_another_issuer_is_unauthorized() {
        String foreign = SignedTokens.sign(signingKey.key(), "someone-else", "alice", List.of("PLAYER"),
                Instant.now().plusSeconds(300));

        assertUnauthorized(post(ME, Map.of(), foreign));
    }

    @Test
    void the_system_role_in_a_token_is_ignored() {
        String claimsSystem = SignedTokens.sign(signingKey.key(), TokenMinter.ISSUER, "engine", List.of("PLAYER", "SYSTEM"),
                Instant.now().plusSeconds(300));

        JsonNode me = body(post(ME, Map.of(), claimsSystem)).at("/data/me");
        post("mutation { endStory(storyId: \"s1\") { storyId } }", Map.of(), claimsSystem);

        assertThat(me.get("roles").toString()).isEqualTo("[\"PLAYER\"]");
        assertThat(commands.onlyCommand()).isEqualTo(new EndStory("s1", new Actor("engine", Set.of(PlatformRole.PLAYER))));
    }

    @Test
    void the_token_minter_never_grants_the_system_role() {
        assertThatThrownBy(() -> tokens.mint("engine", Set.of(PlatformRole.SYSTEM), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void graphiql_needs_no_token() {
        assertThat(mvc.get().uri("/graphiql").exchange()).satisfies(
                result -> assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
    }

    @Test
    void a_cors_preflight_from_an_allowed_origin_needs_no_token() {
        MvcTestResult result = mvc.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://play.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("https://play.example");
    }

    private static void assertUnauthorized(MvcTestResult result) {
        assertThat(result).hasStatus(401);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(body(result).at("/errors/0/extensions/classification").asText()).isEqualTo("UNAUTHORIZED");
    }
}
