package io.storyteller.ops.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Tells the sign-in page what it may offer: the local sign-in (embedded issuer), or the external issuer
 * and, when the portal has a client id there, what the browser needs for authorization code + PKCE.
 * The server reads the issuer's discovery document (not the browser), so the page's Content-Security-Policy
 * has to allow only the token endpoint's origin.
 */
@RestController
class SignInChoices {

    private final LocalSignIn localSignIn;
    private final OidcSettings oidc;
    private final String issuerUri;
    private final IssuerDiscovery discovery;

    SignInChoices(LocalSignIn localSignIn, OidcSettings oidc, ObjectMapper json,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri) {
        this.localSignIn = localSignIn;
        this.oidc = oidc;
        this.issuerUri = issuerUri;
        this.discovery = oidc.enabledFor(issuerUri) ? new IssuerDiscovery(issuerUri, oidc.discoveryTimeout(), json) : null;
    }

    /**
     * What the sign-in page offers.
     *
     * @param localSignIn the embedded issuer's local sign-in is available
     * @param issuer      the external issuer, when one is configured
     * @param oidc        how to sign in with it, when the portal has a client id there and its endpoints are known
     * @param problem     why OIDC sign-in is configured but cannot be offered now (the issuer did not answer)
     */
    record SignInOptions(boolean localSignIn, String issuer, OidcSignIn oidc, String problem) {
    }

    /** Everything the browser needs for the authorization code flow with PKCE, as a public client. */
    record OidcSignIn(String authorizationEndpoint, String tokenEndpoint, String clientId, List<String> scopes,
            String redirectUri) {
    }

    @GetMapping("/admin/api/sign-in")
    SignInOptions options(HttpServletRequest request) {
        String issuer = issuerUri.isBlank() ? null : issuerUri;
        if (discovery == null) {
            return new SignInOptions(localSignIn.available(), issuer, null, null);
        }
        try {
            IssuerDiscovery.Endpoints endpoints = discovery.endpoints();
            return new SignInOptions(false, issuer, new OidcSignIn(endpoints.authorizationEndpoint(),
                    endpoints.tokenEndpoint(), oidc.clientId(), scopes(), redirectUri(request)), null);
        } catch (IssuerDiscovery.IssuerUnavailable e) {
            return new SignInOptions(false, issuer, null, e.getMessage());
        }
    }

    private List<String> scopes() {
        return Arrays.stream(oidc.scopes().split("[\\s,]+")).filter(scope -> !scope.isBlank()).toList();
    }

    private String redirectUri(HttpServletRequest request) {
        if (!oidc.redirectUri().isBlank()) {
            return oidc.redirectUri();
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(OidcSettings.CALLBACK_PATH)
                .replaceQuery(null).build().toUriString();
    }
}
