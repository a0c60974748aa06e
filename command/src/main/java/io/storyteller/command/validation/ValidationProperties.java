package io.storyteller.command.validation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How candidates are validated ({@code storyteller.validation.*}).
 *
 * @param threads        validations run at the same time; more wait their turn
 * @param callTimeout    one model call of an offline replay, after which the answer counts as failed
 * @param requestTimeout one query or command the validator sends
 */
@ConfigurationProperties("storyteller.validation")
public record ValidationProperties(@DefaultValue("1") int threads,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("30s") Duration requestTimeout) {

    public ValidationProperties {
        if (threads < 1 || threads > 16) {
            throw new IllegalArgumentException("storyteller.validation.threads must be 1..16");
        }
        if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()
                || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("storyteller.validation.call-timeout and request-timeout must be positive");
        }
    }
}
