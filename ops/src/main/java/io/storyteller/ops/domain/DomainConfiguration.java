package io.storyteller.ops.domain;

import io.storyteller.domain.story.Story;
import io.storyteller.domain.story.StoryAdmission;
import io.storyteller.domain.world.World;
import io.storyteller.ops.StorytellerProperties;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the aggregates and the domain's own command handlers with Axon. The domain module
 * carries no Spring annotations, so this is where it meets the application.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    /** Beans, because Axon's Spring snapshotter finds the factory of a snapshotted aggregate among the beans. */
    @Bean
    AggregateFactory<World> worldFactory() {
        return new GenericAggregateFactory<>(World.class);
    }

    @Bean
    AggregateFactory<Story> storyFactory() {
        return new GenericAggregateFactory<>(Story.class);
    }

    @Bean
    ConfigurerModule domainModule(AggregateFactory<World> worldFactory, AggregateFactory<Story> storyFactory,
                                  StorytellerProperties properties) {
        int threshold = properties.snapshots().threshold();
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(World.class)
                        .configureAggregateFactory(c -> worldFactory)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Story.class)
                        .configureAggregateFactory(c -> storyFactory)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold)))
                .registerCommandHandler(c -> new StoryAdmission(c.repository(World.class), c.repository(Story.class)));
    }
}
