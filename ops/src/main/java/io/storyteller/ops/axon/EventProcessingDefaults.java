package io.storyteller.ops.axon;

import io.storyteller.ops.StorytellerProperties;
import io.storyteller.ops.instances.LiveRelay;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Every processing group gets a pooled streaming processor and a JDBC dead-letter queue, without
 * naming each group in {@code axon.eventhandling.processors.*} (settings there still win for their group).
 * <p>
 * Each group's dead-lettering keeps Axon's cache of the sequences (stories, worlds) it knows to be
 * in its queue or not: without it, every event asked the database whether its sequence was
 * dead-lettered, one round trip per event, which set the pace of a replay. With the queue empty
 * when a segment is claimed (the usual case) no event asks; a sequence dead-lettered meanwhile is
 * remembered, so the events after it still queue behind it.
 */
@Component
class EventProcessingDefaults implements ConfigurerModule {

    /** Runs after Axon's own property-driven dead-letter provider (order 0), so this one is in effect. */
    private static final int AFTER_AXON_DEFAULTS = 100;
    /** Also how long a processor may miss events committed by another node (see CommitNotifyingEventSource). */
    static final long CLAIM_INTERVAL_MILLIS = 1000;

    private final StorytellerProperties.EventProcessing settings;
    private final ConnectionProvider connectionProvider;
    private final TransactionManager transactionManager;
    private final DeadLetterSchema deadLetterSchema;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final ListableBeanFactory beans;

    EventProcessingDefaults(StorytellerProperties properties,
                            ConnectionProvider connectionProvider,
                            TransactionManager transactionManager,
                            DeadLetterSchema deadLetterSchema,
                            Serializer serializer,
                            @Qualifier("eventSerializer") Serializer eventSerializer,
                            ListableBeanFactory beans) {
        this.settings = properties.eventProcessing();
        this.connectionProvider = connectionProvider;
        this.transactionManager = transactionManager;
        this.deadLetterSchema = deadLetterSchema;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.beans = beans;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.registerComponent(CommitNotifyingEventSource.class, configuration -> {
            CommitNotifyingEventSource source = new CommitNotifyingEventSource(configuration.eventStore());
            beans.getBeanProvider(LiveRelay.class).ifAvailable(relay -> {
                relay.onOthersCommit(source::notifyReaders);
                source.alsoOnCommit(relay::committed);
            });
            configuration.onShutdown(source::shutDown);
            return source;
        });
        configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .messageSource(configuration.getComponent(CommitNotifyingEventSource.class))
                        .batchSize(settings.batchSize())
                        .tokenClaimInterval(CLAIM_INTERVAL_MILLIS)
                        .initialSegmentCount(settings.initialSegmentCount()))
                .registerDeadLetterQueueProvider(processingGroup -> configuration -> deadLetterQueue(processingGroup));
        EventProcessingConfigurer processing = configurer.eventProcessing();
        for (String group : processingGroups()) {
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (configuration, builder) -> builder.enableSequenceIdentifierCache());
        }
    }

    /** The groups of the application's event handlers, as their {@code @ProcessingGroup} names them. */
    private Set<String> processingGroups() {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    /**
     * Registers a processing group's own pooled processor, which replaces the defaults above for
     * that group: on the commit-notifying source and with the claim interval every processor uses
     * (without them it would look for new events only every 500 ms); {@code settings} adds the
     * group's own.
     */
    static void registerPooled(Configurer configurer, String group,
                               UnaryOperator<PooledStreamingEventProcessor.Builder> settings) {
        configurer.eventProcessing().registerPooledStreamingEventProcessor(
                group,
                configuration -> configuration.getComponent(CommitNotifyingEventSource.class),
                (configuration, builder) -> settings.apply(builder.tokenClaimInterval(CLAIM_INTERVAL_MILLIS)));
    }

    @Override
    public int order() {
        return AFTER_AXON_DEFAULTS;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String processingGroup) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(deadLetterSchema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .statementFactory(new StorableCauses(deadLetterSchema, serializer, eventSerializer))
                .build();
    }
}
