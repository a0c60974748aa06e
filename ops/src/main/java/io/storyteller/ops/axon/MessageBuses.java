package io.storyteller.ops.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command bus as Axon's Spring Boot configuration makes it (on Axon Server it is the local
 * segment the server's bus hands commands to), but naming the store's failures
 * ({@link NamingCommandBus}); and the same naming for queries, whose failures happen inside their
 * handlers.
 */
@Configuration(proxyBeanMethods = false)
class MessageBuses {

    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = new NamingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    @Bean
    SmartInitializingSingleton namedQueryFailures(QueryBus queries) {
        MessageHandlerInterceptor<QueryMessage<?, ?>> naming = (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RuntimeException e) {
                Throwable named = NamedFailures.named(e);
                throw named instanceof RuntimeException runtime ? runtime : e;
            }
        };
        return () -> queries.registerHandlerInterceptor(naming);
    }
}
