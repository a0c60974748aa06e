package io.storyteller.ops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.storyteller.graphql.security.LocalSigningKey;
import io.storyteller.graphql.security.TokenMinter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The portal's local sign-in: only with the embedded issuer, only for this machine unless allowed, never SYSTEM. */
class LocalSignInTest {

    private static final PortalSettings DEFAULTS = new PortalSettings(true, false, Duration.ofHours(8));

    @TempDir
    Path keys;

    @Test
    void mintsATokenWithTheAskedRolesForACallerOnThisMachine() throws Exception {
        ResponseEntity<?> answer = signIn(localIssuer(), DEFAULTS, "ada", List.of("WORLD_ADMIN", "PLAYER"), "127.0.0.1");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        SignedJWT token = SignedJWT.parse(((LocalSignIn.LocalToken) answer.getBody()).token());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("ada");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PLAYER", "WORLD_ADMIN");
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(TokenMinter.ISSUER);
    }

    @Test
    void refusesCallersFromAnotherMachineUnlessAllowed() {
        assertThat(signIn(localIssuer(), DEFAULTS, "ada", List.of("PLATFORM_ADMIN"), "10.1.2.3").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        PortalSettings remoteAllowed = new PortalSettings(true, true, Duration.ofHours(8));
        assertThat(signIn(localIssuer(), remoteAllowed, "ada", List.of("PLATFORM_ADMIN"), "10.1.2.3").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void neverGrantsTheSystemRoleNorAnUnknownOne() {
        for (String role : List.of("SYSTEM", "GOD")) {
            ResponseEntity<?> answer = signIn(localIssuer(), DEFAULTS, "ada", List.of(role), "127.0.0.1");
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).asString().contains("roles: " + role);
        }
    }

    @Test
    void refusesAUserIdThatIsNoId() {
        ResponseEntity<?> answer = signIn(localIssuer(), DEFAULTS, "ada lovelace", List.of("PLAYER"), "127.0.0.1");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).asString().contains("userId: must be an id");
    }

    @Test
    void isOffWithAnExternalIssuerAndWhenTurnedOff() {
        ObjectProvider<TokenMinter> none = new StaticListableBeanFactory().getBeanProvider(TokenMinter.class);
        assertThat(new LocalSignIn(none, DEFAULTS).available()).isFalse();
        assertThat(signIn(none, DEFAULTS, "ada", List.of("PLAYER"), "127.0.0.1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        PortalSettings off = new PortalSettings(false, false, Duration.ofHours(8));
        assertThat(new LocalSignIn(localIssuer(), off).available()).isFalse();
        assertThat(signIn(localIssuer(), off, "ada", List.of("PLAYER"), "127.0.0.1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ObjectProvider<TokenMinter> localIssuer() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(keys.resolve("jwt-signing.json"));
        TokenMinter minter = new TokenMinter(key.key(), Clock.systemUTC());
        return new StaticListableBeanFactory(Map.of("tokenMinter", minter)).getBeanProvider(TokenMinter.class);
    }

    private static ResponseEntity<?> signIn(ObjectProvider<TokenMinter> minter, PortalSettings settings, String userId,
            List<String> roles, String remoteAddress) {
        MockHttpServletRequest http = new MockHttpServletRequest();
        http.setRemoteAddr(remoteAddress);
        return new LocalSignIn(minter, settings).signIn(new LocalSignIn.LocalSignInRequest(userId, roles), http);
    }
}
