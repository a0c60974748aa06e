package io.storyteller.ops.tracing;

import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Gives the event processors {@link ReplaySpans} around the span factory Axon configured (with its tracing settings). */
@Component
class ReplaySpansInstaller implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof EventProcessorSpanFactory live && !(bean instanceof ReplaySpans) ? new ReplaySpans(live) : bean;
    }
}
