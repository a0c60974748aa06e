package io.storyteller.ops.axon;

import io.storyteller.ops.storage.upcasting.StoredEventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stored events' upcasters, as one chain: Axon registers every {@link EventUpcaster} bean with
 * its configuration, and the event store it builds (JDBC or Axon Server) reads through them. One
 * bean keeps the steps' order in {@link StoredEventUpcasters}, not in bean ordering.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasting {

    @Bean
    public EventUpcaster storedEventUpcasters() {
        return StoredEventUpcasters.chain();
    }
}
