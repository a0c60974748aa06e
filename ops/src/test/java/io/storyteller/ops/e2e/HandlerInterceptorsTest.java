package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The command and query handlers' interceptors (input hygiene, then the player-input guard) are
 * registered once, in that order, by the application's own configuration. Axon's Spring Boot
 * auto-configuration also registers on the buses every command or query handler interceptor it
 * finds as a bean (asked for here as it asks), so none may be one: a guard that was a bean ran
 * twice for every action, classifying the text twice and starting two recalls.
 */
@EndToEnd
class HandlerInterceptorsTest {

    @Autowired
    ObjectProvider<MessageHandlerInterceptor<? super CommandMessage<?>>> commandInterceptorBeans;

    @Autowired
    ObjectProvider<MessageHandlerInterceptor<? super QueryMessage<?, ?>>> queryInterceptorBeans;

    @Test
    void noCommandOrQueryHandlerInterceptorIsABeanThatAxonWouldRegisterASecondTime() {
        assertThat(commandInterceptorBeans.stream()).isEmpty();
        assertThat(queryInterceptorBeans.stream()).isEmpty();
    }
}
