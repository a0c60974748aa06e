package io.storyteller.sagas.autoswitch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes the auto-switch sagas' settings a bean, which the sagas get injected like their gateways. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutoSwitchSagaProperties.class)
public class AutoSwitchSagaConfiguration {
}
