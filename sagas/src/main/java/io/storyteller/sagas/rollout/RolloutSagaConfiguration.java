package io.storyteller.sagas.rollout;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes the rollout saga's settings a bean, which the saga gets injected like its gateways. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RolloutSagaProperties.class)
public class RolloutSagaConfiguration {
}
