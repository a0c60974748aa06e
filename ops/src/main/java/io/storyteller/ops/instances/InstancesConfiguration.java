package io.storyteller.ops.instances;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several instances on one database: the token store names this instance as the owner of its
 * claims, the {@link SegmentBalancer} shares the segments, and the {@link LiveRelay} (unless off)
 * carries live updates and commit notices to the other instances.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstancesProperties.class)
public class InstancesConfiguration {

    /** Axon's JDBC token store as its auto-configuration makes it, with this instance's id as the claims' owner. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, ObjectProvider<TokenSchema> tokenSchema,
            TokenStoreProperties tokenStoreProperties, InstancesProperties instances) {
        return JdbcTokenStore.builder().connectionProvider(connectionProvider)
                .schema(tokenSchema.getIfAvailable(() -> TokenSchema.builder().build())).serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout()).nodeId(instances.id()).build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "storyteller.instances", name = "relay", havingValue = "true", matchIfMissing = true)
    LiveRelay liveRelay(DataSource dataSource, @Qualifier("messageSerializer") Serializer messages, InstancesProperties instances,
            Peers peers) {
        return new LiveRelay(dataSource, messages, instances.id(), peers);
    }

    @Bean
    Peers peers() {
        return new Peers();
    }

    @Bean
    SegmentBalancer segmentBalancer(JdbcClient jdbc, EventProcessingConfiguration processing, InstancesProperties instances,
            Peers peers) {
        return new SegmentBalancer(new InstanceRegistry(jdbc, instances.id(), instances.expiry()), processing, instances, peers);
    }

    /**
     * {@code storyteller_instances_alive} (each instance reports what it sees: take the max),
     * {@code storyteller_segments_released_total}, and the relay's
     * {@code storyteller_live_relay_sent_total}, {@code _received_total} and {@code _dropped_total}.
     */
    @Bean
    MeterBinder instancesMeters(Peers peers, SegmentBalancer balancer, ObjectProvider<LiveRelay> relay) {
        return registry -> {
            Gauge.builder("storyteller.instances.alive", peers, Peers::alive)
                    .description("Application instances alive on this database, as this one last saw them").register(registry);
            FunctionCounter.builder("storyteller.segments.released", balancer, SegmentBalancer::released)
                    .description("Segments this instance gave up for other instances").register(registry);
            relay.ifAvailable(live -> {
                FunctionCounter.builder("storyteller.live.relay.sent", live, LiveRelay::sent)
                        .description("Live updates and commit notices sent to the other instances").register(registry);
                FunctionCounter.builder("storyteller.live.relay.received", live, LiveRelay::received)
                        .description("Live updates and commit notices received from the other instances").register(registry);
                FunctionCounter.builder("storyteller.live.relay.dropped", live, LiveRelay::dropped)
                        .description("Live updates not relayed because the send queue was full").register(registry);
            });
        };
    }
}
