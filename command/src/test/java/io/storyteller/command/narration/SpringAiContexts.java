package io.storyteller.command.narration;

import io.storyteller.command.runtime.RuntimeConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A minimal Spring context for provider tests: every Spring AI auto-configuration on the classpath
 * (all three starters), Boot's HTTP clients, and the narrator configuration, with the
 * {@code spring.ai.*} defaults the application ships.
 */
final class SpringAiContexts {

    /** The defaults application.yml must hold (see the report): no provider, no key, and the app starts. */
    static final String[] APPLICATION_DEFAULTS = {
        "spring.ai.model.chat=${storyteller.narrator.provider:house}",
        "spring.ai.model.embedding=none",
        "spring.ai.model.image=none",
        "spring.ai.model.audio.speech=none",
        "spring.ai.model.audio.transcription=none",
        "spring.ai.model.moderation=none",
        "spring.ai.chat.client.enabled=false",
        "spring.ai.retry.max-attempts=2",
        "spring.ai.retry.backoff.initial-interval=1s",
        "spring.ai.retry.backoff.max-interval=5s",
        "spring.ai.openai.chat.options.stream-usage=true",
    };

    /**
     * The logging defaults application.yml must hold: Spring AI's MessageAggregator logs every failed
     * stream at ERROR with the exception, and its Anthropic client puts the provider's error body
     * (which may echo the key) into that exception's message. The engine logs the clean reason instead.
     */
    static final Map<String, LogLevel> LOGGING_DEFAULTS = Map.of(
            "org.springframework.ai.chat.model.MessageAggregator", LogLevel.OFF);

    private SpringAiContexts() {
    }

    /** Without the application defaults: what Spring AI does on its own. */
    static ApplicationContextRunner bare() {
        List<Class<?>> autoConfigurations = new ArrayList<>(List.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, SslAutoConfiguration.class,
                HttpClientAutoConfiguration.class, ClientHttpConnectorAutoConfiguration.class,
                CodecsAutoConfiguration.class, RestClientAutoConfiguration.class, WebClientAutoConfiguration.class));
        ClassLoader loader = SpringAiContexts.class.getClassLoader();
        for (String name : ImportCandidates.load(AutoConfiguration.class, loader)) {
            if (name.startsWith("org.springframework.ai.")) {
                try {
                    autoConfigurations.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(autoConfigurations.toArray(Class<?>[]::new)))
                .withUserConfiguration(RuntimeConfiguration.class);
    }

    static ApplicationContextRunner withApplicationDefaults() {
        // A context runner does not apply logging.level.* properties: set the levels as Boot would.
        LoggingSystem logging = LoggingSystem.get(SpringAiContexts.class.getClassLoader());
        LOGGING_DEFAULTS.forEach(logging::setLogLevel);
        return bare().withPropertyValues(APPLICATION_DEFAULTS);
    }
}
