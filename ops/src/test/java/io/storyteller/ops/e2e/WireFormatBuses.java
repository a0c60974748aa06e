package io.storyteller.ops.e2e;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.axonserver.connector.query.subscription.SubscriptionMessageSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes every command, query, response and subscription update of the end-to-end application cross
 * the wire format Axon Server uses: the connector's own serializers turn each into its gRPC message,
 * to bytes and back, before it is handled or answered, with the application's message serializer.
 * On the embedded default nothing is serialized between a sender and a handler, so a message that
 * cannot make the trip, or an error that loses its meaning on the way, would otherwise be found only
 * on Axon Server. Each bus is wrapped as its bean is made; the serializer is looked up on first use.
 */
final class WireFormatBuses implements BeanPostProcessor {

    private final BeanFactory beans;
    private volatile WireFormat format;

    WireFormatBuses(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CommandBus commands && !(bean instanceof WireCommandBus)) {
            return new WireCommandBus(commands, this::format);
        }
        if (bean instanceof QueryBus queries && !(bean instanceof WireQueryBus)) {
            return new WireQueryBus(queries, this::format);
        }
        return bean;
    }

    private WireFormat format() {
        WireFormat current = format;
        if (current == null) {
            Serializer messages = beans.getBean("messageSerializer", Serializer.class);
            Serializer general = beans.getBean("serializer", Serializer.class);
            AxonServerConfiguration configuration = new AxonServerConfiguration();
            current = new WireFormat(new CommandSerializer(messages, configuration),
                    new QuerySerializer(messages, general, configuration),
                    new SubscriptionMessageSerializer(messages, general, configuration));
            format = current;
        }
        return current;
    }

    /** The connector's serializers, as Axon Server's command and query buses use them. */
    record WireFormat(CommandSerializer commands, QuerySerializer queries, SubscriptionMessageSerializer subscriptions) {
    }
}
