package io.storyteller.ops.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin portal's settings.
 *
 * @param localSignIn       whether the portal's local sign-in may mint tokens with the embedded issuer's key
 *                          (only ever when no external issuer is configured); for local runs, never production
 * @param localSignInRemote whether callers other than this machine (loopback) may use the local sign-in; off,
 *                          so that an embedded run reachable on a network does not hand out admin tokens
 * @param tokenTtl          how long a token from the local sign-in is valid
 */
@ConfigurationProperties("storyteller.portal")
public record PortalSettings(
        @DefaultValue("true") boolean localSignIn,
        @DefaultValue("false") boolean localSignInRemote,
        @DefaultValue("PT8H") Duration tokenTtl) {
}
