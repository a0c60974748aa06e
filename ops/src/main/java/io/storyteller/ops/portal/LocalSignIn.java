package io.storyteller.ops.portal;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.TextRules;
import io.storyteller.graphql.security.TokenMinter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the portal signs people in. With an external issuer configured, the portal defers to it. In
 * the embedded default the application is its own issuer (the {@code token} CLI's): the local sign-in
 * mints a token for the user id and roles asked for, with no password — a convenience for local runs,
 * never for production, so it answers only callers on this machine unless told otherwise
 * ({@link PortalSettings}), and not at all when an external issuer is configured (no minter exists then).
 */
@RestController
class LocalSignIn {

    private final ObjectProvider<TokenMinter> minter;
    private final PortalSettings settings;

    LocalSignIn(ObjectProvider<TokenMinter> minter, PortalSettings settings) {
        this.minter = minter;
        this.settings = settings;
    }

    record LocalSignInRequest(String userId, List<String> roles) {
    }

    record LocalToken(String token, Instant expiresAt) {
    }

    @PostMapping("/admin/api/sign-in/local")
    ResponseEntity<?> signIn(@RequestBody LocalSignInRequest request, HttpServletRequest http) {
        if (!available()) {
            return refusal(HttpStatus.NOT_FOUND, "local sign-in is off: sign in with the configured identity provider");
        }
        if (!settings.localSignInRemote() && !fromThisMachine(http.getRemoteAddr())) {
            return refusal(HttpStatus.FORBIDDEN, "local sign-in answers only callers on this machine "
                    + "(storyteller.portal.local-sign-in-remote=false)");
        }
        String userId = request.userId() == null ? "" : request.userId().strip();
        if (!TextRules.isId(userId)) {
            return refusal(HttpStatus.BAD_REQUEST, "userId: must be an id (letters, digits and ._:@|+/=-, "
                    + "starting with a letter or digit, at most " + TextRules.MAX_ID_LENGTH + " characters)");
        }
        EnumSet<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        for (String role : request.roles() == null ? List.<String>of() : request.roles()) {
            PlatformRole parsed = parse(role);
            if (parsed == null || parsed == PlatformRole.SYSTEM) {
                return refusal(HttpStatus.BAD_REQUEST, "roles: " + role
                        + " is not one of PLAYER, WORLD_ADMIN, PLATFORM_ADMIN, MODEL_MANAGER");
            }
            roles.add(parsed);
        }
        String token = minter.getObject().mint(userId, roles, settings.tokenTtl());
        return ResponseEntity.ok(new LocalToken(token, Instant.now().plus(settings.tokenTtl())));
    }

    /** Whether the sign-in page may offer the local sign-in. */
    boolean available() {
        return settings.localSignIn() && minter.getIfAvailable() != null;
    }

    private static PlatformRole parse(String role) {
        try {
            return role == null ? null : PlatformRole.valueOf(role.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean fromThisMachine(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, String>> refusal(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
