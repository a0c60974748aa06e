package io.storyteller.ops.domain;

import io.storyteller.command.finetuning.TrainingBackends;
import io.storyteller.command.narration.PlayerInputGuard;
import io.storyteller.command.narration.Recall;
import io.storyteller.command.narration.context.NarrationContexts;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.domain.acquisition.Acquisition;
import io.storyteller.domain.budget.GlobalBudget;
import io.storyteller.domain.deployment.Deployment;
import io.storyteller.domain.deployment.DeploymentAdmission;
import io.storyteller.domain.finetuning.FineTuning;
import io.storyteller.domain.finetuning.FineTuningAdmission;
import io.storyteller.domain.healing.HealingAction;
import io.storyteller.domain.model.Model;
import io.storyteller.domain.model.ModelDerivation;
import io.storyteller.domain.processing.OperatorAction;
import io.storyteller.domain.shared.InputHygiene;
import io.storyteller.domain.story.BeatModeration;
import io.storyteller.domain.story.Story;
import io.storyteller.domain.story.StoryAdmission;
import io.storyteller.domain.story.StoryFactCuration;
import io.storyteller.domain.validation.EvaluationSuite;
import io.storyteller.domain.validation.ModelValidations;
import io.storyteller.domain.world.World;
import io.storyteller.ops.StorytellerProperties;
import io.storyteller.ops.axon.BoundedAggregateCache;
import io.storyteller.ops.instances.CachedAggregateCheck;
import io.storyteller.ops.instances.LiveRelay;
import io.storyteller.ops.instances.Peers;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.ObjectProvider;
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
    AggregateFactory<Model> modelFactory() {
        return new GenericAggregateFactory<>(Model.class);
    }

    @Bean
    AggregateFactory<Acquisition> acquisitionFactory() {
        return new GenericAggregateFactory<>(Acquisition.class);
    }

    @Bean
    AggregateFactory<EvaluationSuite> evaluationSuiteFactory() {
        return new GenericAggregateFactory<>(EvaluationSuite.class);
    }

    @Bean
    AggregateFactory<Deployment> deploymentFactory() {
        return new GenericAggregateFactory<>(Deployment.class);
    }

    @Bean
    AggregateFactory<FineTuning> fineTuningFactory() {
        return new GenericAggregateFactory<>(FineTuning.class);
    }

    @Bean
    AggregateFactory<GlobalBudget> globalBudgetFactory() {
        return new GenericAggregateFactory<>(GlobalBudget.class);
    }

    @Bean
    AggregateFactory<OperatorAction> operatorActionFactory() {
        return new GenericAggregateFactory<>(OperatorAction.class);
    }

    @Bean
    AggregateFactory<HealingAction> healingActionFactory() {
        return new GenericAggregateFactory<>(HealingAction.class);
    }

    @Bean
    ConfigurerModule domainModule(List<AggregateFactory<?>> factories, StorytellerProperties properties,
            TrainingBackends trainingBackends, ObjectProvider<LiveRelay> relay, Peers peers) {
        int threshold = properties.snapshots().threshold();
        int cached = properties.aggregateCache().size();
        // Only where commands are not routed by aggregate (the JDBC store, where the relay runs) can
        // another instance change an aggregate this one has cached.
        Peers others = relay.getIfAvailable() == null ? null : peers;
        return configurer -> {
            for (AggregateFactory<?> factory : factories) {
                configurer.configureAggregate(aggregate(factory, threshold, cached, others));
            }
            configurer
                    .registerCommandHandler(c -> new StoryAdmission(c.repository(World.class), c.repository(Story.class)))
                    .registerCommandHandler(c -> new StoryFactCuration(c.repository(World.class), c.repository(Story.class)))
                    .registerCommandHandler(c -> new BeatModeration(c.repository(World.class), c.repository(Story.class)))
                    .registerCommandHandler(c -> new ModelDerivation(c.repository(Model.class)))
                    .registerCommandHandler(c -> new ModelValidations(c.repository(Model.class)))
                    .registerCommandHandler(c -> new DeploymentAdmission(c.repository(World.class), c.repository(Model.class),
                            c.repository(Deployment.class)))
                    .registerCommandHandler(c -> new FineTuningAdmission(c.repository(Model.class), c.repository(FineTuning.class),
                            trainingBackends));
        };
    }

    /**
     * Every command and query is checked for malformed text and ids before it is handled, so that
     * nothing a client sends reaches an aggregate's event stream or a read model that cannot take it;
     * then a player's action is checked against the world's content rating.
     * <p>
     * Both interceptors are made and registered here, in this order, and neither is a bean: Axon's
     * Spring Boot auto-configuration registers every handler interceptor bean on the buses itself,
     * so a guard that was a bean ran twice for every action (two classifications, two recalls).
     */
    @Bean
    SmartInitializingSingleton inputHygiene(CommandBus commands, QueryBus queries, NarrationContexts contexts,
            HarmGuard harmGuard, Recall recall) {
        InputHygiene hygiene = new InputHygiene();
        PlayerInputGuard playerInput = new PlayerInputGuard(contexts, harmGuard, recall);
        // Checked where it is sent too: across Axon Server a malformed text would fail the message's
        // trip (its JSON cannot be read back) before any handler could name the field.
        MessageDispatchInterceptor<Message<?>> atDispatch = messages -> (index, message) -> {
            InputHygiene.check(message.getPayload());
            return message;
        };
        return () -> {
            commands.registerDispatchInterceptor(atDispatch);
            queries.registerDispatchInterceptor(atDispatch);
            commands.registerHandlerInterceptor(hygiene);
            commands.registerHandlerInterceptor(playerInput);
            queries.registerHandlerInterceptor(hygiene);
        };
    }

    /**
     * Aggregates stay in memory between commands ({@link BoundedAggregateCache}: the least recently
     * used leave past the bound, and the heap may shed them under pressure; they are then rebuilt
     * from their snapshot and events). Rebuilding a long story for every action dominated the cost
     * of a turn. With several instances on one JDBC event store, each cache hit is checked against
     * the store while another instance is alive ({@link CachedAggregateCheck}).
     */
    private static <T> AggregateConfigurer<T> aggregate(AggregateFactory<T> factory, int snapshotThreshold, int cached,
            Peers others) {
        return AggregateConfigurer.defaultConfiguration(factory.getAggregateType())
                .configureCache(c -> others == null ? new BoundedAggregateCache(cached)
                        : new BoundedAggregateCache(cached, new CachedAggregateCheck(c.eventStore(), others)::current))
                .configureAggregateFactory(c -> factory)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold));
    }
}
