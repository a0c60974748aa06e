package io.storyteller.ops.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's sign-in with an external identity provider: OIDC authorization code + PKCE, the browser
 * being a public client (no secret). On when an external issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) and a client id is set.
 *
 * @param clientId         the portal's client id at the identity provider; blank leaves OIDC sign-in off
 * @param scopes           the scopes the portal asks for, space separated
 * @param redirectUri      where the identity provider sends the browser back; blank derives
 *                         {@code <origin>/admin/callback} from the request (set it behind a proxy that does
 *                         not forward the original host)
 * @param discoveryTimeout how long reading the issuer's discovery document may take
 */
@ConfigurationProperties("storyteller.portal.oidc")
public record OidcSettings(
        @DefaultValue("") String clientId,
        @DefaultValue("openid profile") String scopes,
        @DefaultValue("") String redirectUri,
        @DefaultValue("PT5S") Duration discoveryTimeout) {

    public static final String CALLBACK_PATH = "/admin/callback";

    /** Whether the portal signs in with the issuer: there is one, and the portal has a client id there. */
    public boolean enabledFor(String issuerUri) {
        return issuerUri != null && !issuerUri.isBlank() && clientId != null && !clientId.isBlank();
    }
}
