package io.storyteller.command.narration.failover;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.command.runtime.DefaultHouseVersions;
import io.storyteller.command.runtime.ModelUnavailableException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Failover of narration ({@code storyteller.healing.failover.*}), on by default. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FailoverProperties.class)
public class FailoverConfiguration {

    @Bean
    FailoverLog failoverLog(HealingActions actions, FailoverProperties properties) {
        return new FailoverLog(actions, properties, Clock.systemUTC());
    }

    /** The house fallback is looked up per call: without house models there is none, and the failover stops at the other arm. */
    @Bean
    Failover failover(FailoverProperties properties, ObjectProvider<DefaultHouseVersions> house, FailoverLog log) {
        HouseFallback fallback = worldId -> house.getIfAvailable(() -> {
            throw new ModelUnavailableException("no house narrator to fall back on (house models are disabled)");
        }).forWorld(worldId);
        return new Failover(properties.enabled(), fallback, log);
    }
}
