package io.storyteller.sagas.finetuning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes the fine-tuning settings a bean, injected into the saga like its gateways. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FineTuningProperties.class)
public class FineTuningSagaConfiguration {
}
