package io.storyteller.sagas.acquisition;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes the acquisition saga's settings a bean, injected like its gateways. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AcquisitionSagaProperties.class)
public class AcquisitionSagaConfiguration {
}
