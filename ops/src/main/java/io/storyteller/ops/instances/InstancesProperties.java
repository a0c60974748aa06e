package io.storyteller.ops.instances;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several application instances on one database ({@code storyteller.instances}).
 *
 * @param id             this instance's name: the owner of the segments it claims in the token
 *                       store, unique among the instances (default: the JVM's {@code pid@host},
 *                       as Axon names a node)
 * @param heartbeat      how often the instance tells the others it is alive
 * @param expiry         an instance not heard from this long counts as gone
 * @param balanceEvery   how often the instance compares its share of each processor's segments
 * @param releaseFor     how long a segment given up for another instance stays unclaimed here
 * @param relay          relay live updates (story, deployment and fine-tuning subscriptions) and
 *                       commit notices to the other instances through PostgreSQL notifications;
 *                       off on Axon Server, which routes subscriptions to every instance itself
 */
@ConfigurationProperties("storyteller.instances")
public record InstancesProperties(
        @DefaultValue("") String id,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("10s") Duration expiry,
        @DefaultValue("10s") Duration balanceEvery,
        @DefaultValue("20s") Duration releaseFor,
        @DefaultValue("true") boolean relay) {

    public InstancesProperties {
        id = id == null || id.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : id.strip();
        if (id.length() > 255) {
            throw new IllegalArgumentException("storyteller.instances.id must be at most 255 characters");
        }
        for (Duration d : new Duration[] {heartbeat, expiry, balanceEvery, releaseFor}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("storyteller.instances durations must be positive");
            }
        }
        if (expiry.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("storyteller.instances.expiry must be at least twice the heartbeat");
        }
    }
}
