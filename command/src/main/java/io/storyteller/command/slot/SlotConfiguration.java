package io.storyteller.command.slot;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One reader of the use-case slots for every stage that serves a world: reviewer, detector, guardrail, embedder. */
@Configuration(proxyBeanMethods = false)
public class SlotConfiguration {

    @Bean
    StageSlots stageSlots(QueryGateway queries, @Value("${storyteller.narration.timeout:60s}") Duration timeout) {
        return new StageSlots(queries, timeout, Clock.systemUTC());
    }
}
