package io.storyteller.command.autoswitch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code storyteller.auto-switch.*} for {@link ReplayEvaluations}. */
@Configuration
@EnableConfigurationProperties(AutoSwitchProperties.class)
class AutoSwitchConfiguration {
}
