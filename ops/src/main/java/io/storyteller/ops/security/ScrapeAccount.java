package io.storyteller.ops.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account a metrics scraper (Prometheus) signs in with, over HTTP Basic, to read
 * {@code /actuator/prometheus} and the other actuator endpoints except health.
 *
 * @param username the scraper's user name
 * @param password its password, plain or encoded with an id prefix ({@code {bcrypt}...}); when empty no
 *                 scraper account exists and only platform admins' bearer tokens are let in
 */
@ConfigurationProperties("storyteller.metrics")
public record ScrapeAccount(@DefaultValue("prometheus") String username, @DefaultValue("") String password) {

    public boolean enabled() {
        return password != null && !password.isBlank();
    }

    /** The password as a {@code DelegatingPasswordEncoder} reads it. */
    String encodedPassword() {
        return password.startsWith("{") ? password : "{noop}" + password;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "ScrapeAccount[username=" + username + ", password=" + (enabled() ? "****" : "") + "]";
    }
}
