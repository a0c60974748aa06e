package io.storyteller.command.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Spring AI's chat model of a name stays off when an endpoint of that name is declared. */
class SpringAiChatSwitchTest {

    @Test
    void aDeclaredEndpointNamedLikeSpringAisModelTurnsThatModelOff() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("storyteller.narrator.provider", "openai")
                .withProperty("spring.ai.model.chat", "${storyteller.narrator.provider:house}")
                .withProperty("storyteller.providers.openai.kind", "openai");

        new SpringAiChatSwitch().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.ai.model.chat")).isEqualTo("none");
    }

    @Test
    void springAisModelStaysOnWhenNoEndpointOfItsNameIsDeclared() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.ai.model.chat", "openai")
                .withProperty("storyteller.providers.local-vllm.kind", "openai");

        new SpringAiChatSwitch().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.ai.model.chat")).isEqualTo("openai");
    }
}
