package io.storyteller.ops.axon;

import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's event processing module (which Axon's Spring Boot configuration leaves to a bean of this
 * type when there is one), building every pooled processor on its handlers as {@link HandledTypes}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorModule {

    @Bean
    EventProcessingModule eventProcessingModule() {
        return new Module();
    }

    static final class Module extends EventProcessingModule {

        @Override
        protected EventProcessor pooledStreamingEventProcessor(
                String name, EventHandlerInvoker eventHandlerInvoker,
                org.axonframework.config.Configuration config,
                StreamableMessageSource<TrackedEventMessage<?>> messageSource,
                PooledStreamingProcessorConfiguration processorConfiguration) {
            return super.pooledStreamingEventProcessor(name, HandledTypes.of(eventHandlerInvoker), config,
                    messageSource, processorConfiguration);
        }
    }
}
