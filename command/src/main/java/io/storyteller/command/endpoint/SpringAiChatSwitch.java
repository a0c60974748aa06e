package io.storyteller.command.endpoint;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The application turns Spring AI's one auto-configured chat model on by the narrator's name
 * ({@code spring.ai.model.chat=${storyteller.narrator.provider}}). When that name is an endpoint
 * declared under {@code storyteller.providers}, the endpoint serves it, and Spring AI's model of the
 * same name must stay off: it would otherwise demand {@code spring.ai.<kind>.api-key} at the start.
 */
public class SpringAiChatSwitch implements EnvironmentPostProcessor {

    static final String CHAT_SWITCH = "spring.ai.model.chat";
    static final String SOURCE = "storyteller-declared-endpoints";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String chosen = environment.getProperty(CHAT_SWITCH);
        if (chosen == null || chosen.isBlank()) {
            return;
        }
        String declaredKind = environment.getProperty(ProviderEndpoints.PREFIX + "." + chosen.strip() + ".kind");
        if (declaredKind != null && !declaredKind.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(CHAT_SWITCH, "none")));
        }
    }
}
