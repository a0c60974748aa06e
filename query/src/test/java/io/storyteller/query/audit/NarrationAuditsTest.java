package io.storyteller.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.deployment.AuditNarration;
import io.storyteller.domain.deployment.AuditedNarration;
import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.AutoSwitchPolicy;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.deployment.NarrationAudit;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutPaused;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.RouteDecision;
import io.storyteller.domain.deployment.RouteDecisionKind;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.StoryStarted;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The narration audit is answered from the story's and the deployment's event streams. */
class NarrationAuditsTest {

    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");
    private static final String SLOT = "narrator:world:w1";
    private static final ModelRef V1 = new ModelRef("house:w1", "1");
    private static final ModelRef V2 = new ModelRef("house:w1", "2");
    private static final Actor MANAGER = new Actor("meta", Set.of(PlatformRole.MODEL_MANAGER));
    private static final ArmMetrics METRICS = new ArmMetrics(200, 0.01, 900, 0, 0.2, 4.0, new BigDecimal("0.001"));
    private static final RolloutStrategy STRATEGY = new RolloutStrategy(new ShadowPhase(Duration.ofHours(1), null),
            List.of(5, 50, 100), Duration.ofMinutes(10), 100, RolloutGates.none());

    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, Long> sequences = new HashMap<>();
    private final NarrationAudits audits = new NarrationAudits(events);

    @AfterEach
    void shutDown() {
        ((EmbeddedEventStore) events).shutDown();
    }

    @Test
    void each_alternative_names_its_route_and_the_decisions_in_force_when_it_was_recorded() {
        recordRolloutAtItsFirstCanaryStep();
        append("s1", T0, new StoryStarted("s1", "w1", "The heist", "alice"));
        append("s1", minutes(41), narration("b2", 0, V2, NarrationArm.CANARY));
        append(SLOT, minutes(45), new RolloutPaused(SLOT, "r1", "looking closer", "meta"));
        append("s1", minutes(50), narration("b2", 1, V1, NarrationArm.STABLE));
        append("s1", minutes(51), new NarrationAlternativeSelected("s1", "b2", 0, "alice"));

        NarrationAudit audit = audits.handle(new AuditNarration("s1", "b2", MANAGER)).orElseThrow();

        assertThat(audit.worldId()).isEqualTo("w1");
        assertThat(audit.selectedAlternative()).isZero();
        AuditedNarration canary = audit.alternatives().get(0);
        assertThat(canary.model()).isEqualTo(V2);
        assertThat(canary.deploymentId()).isEqualTo(SLOT);
        assertThat(canary.arm()).isEqualTo(NarrationArm.CANARY);
        assertThat(canary.rolloutStep()).isEqualTo(1);
        assertThat(canary.recordedAt()).isEqualTo(minutes(41));
        assertThat(kinds(canary)).containsExactly(RouteDecisionKind.AUTO_SWITCH_DECIDED, RouteDecisionKind.ROLLOUT_STARTED,
                RouteDecisionKind.ROLLOUT_ADVANCED, RouteDecisionKind.ROLLOUT_ANALYZED);
        RouteDecision analysis = canary.decisions().get(3);
        assertThat(analysis.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(analysis.step()).isEqualTo(1);
        assertThat(analysis.rationale()).isEqualTo("inconclusive: too few samples");
        assertThat(canary.decisions().get(0).rationale()).isEqualTo("switching: better");

        AuditedNarration stable = audit.alternatives().get(1);
        assertThat(stable.model()).isEqualTo(V1);
        assertThat(kinds(stable)).containsExactly(RouteDecisionKind.DEPLOYMENT_CREATED, RouteDecisionKind.AUTO_SWITCH_DECIDED,
                RouteDecisionKind.ROLLOUT_STARTED, RouteDecisionKind.ROLLOUT_ADVANCED, RouteDecisionKind.ROLLOUT_ANALYZED,
                RouteDecisionKind.ROLLOUT_PAUSED);
        assertThat(stable.decisions().get(5).rationale()).isEqualTo("looking closer");
    }

    @Test
    void outside_a_rollout_the_decision_is_what_put_the_narrations_model_in_place() {
        recordRolloutAtItsFirstCanaryStep();
        append(SLOT, minutes(60), new RolloutPromoted(SLOT, "r1", V2, V1, "every gate passed", "system"));
        append("s1", minutes(61), new StoryStarted("s1", "w1", "The heist", "alice"));
        append("s1", minutes(62), new NarrationRecorded("s1", "w1", "q0", "b1", "b2", 0, "The door creaks.",
                provenance(V2).routed(SLOT, NarrationArm.STABLE, null, null)));

        AuditedNarration narration = audits.handle(new AuditNarration("s1", "b2", MANAGER)).orElseThrow().alternatives().getFirst();

        assertThat(narration.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.kind()).isEqualTo(RouteDecisionKind.ROLLOUT_PROMOTED);
            assertThat(decision.model()).isEqualTo(V2);
            assertThat(decision.rolloutId()).isEqualTo("r1");
            assertThat(decision.decidedAt()).isEqualTo(minutes(60));
        });
    }

    @Test
    void a_narration_no_deployment_routed_has_no_decisions() {
        append("s1", T0, new StoryStarted("s1", "w1", "The heist", "alice"));
        append("s1", minutes(1), new NarrationRecorded("s1", "w1", "q0", "b1", "b2", 0, "The door creaks.", provenance(V1)));

        AuditedNarration narration = audits.handle(new AuditNarration("s1", "b2", MANAGER)).orElseThrow().alternatives().getFirst();

        assertThat(narration.deploymentId()).isNull();
        assertThat(narration.arm()).isNull();
        assertThat(narration.decisions()).isEmpty();
    }

    @Test
    void the_whole_stream_is_read_even_when_a_snapshot_exists() {
        append("s1", T0, new StoryStarted("s1", "w1", "The heist", "alice"));
        append("s1", minutes(1), new NarrationRecorded("s1", "w1", "q0", "b1", "b2", 0, "The door creaks.", provenance(V1)));
        events.storeSnapshot(new GenericDomainEventMessage<>("Story", "s1", 1, Map.of("state", "whatever")));

        assertThat(audits.handle(new AuditNarration("s1", "b2", MANAGER))).isPresent();
    }

    @Test
    void an_unknown_story_or_a_beat_that_is_no_narration_is_empty() {
        append("s1", T0, new StoryStarted("s1", "w1", "The heist", "alice"));

        assertThat(audits.handle(new AuditNarration("s1", "b1", MANAGER))).isEmpty();
        assertThat(audits.handle(new AuditNarration("nope", "b1", MANAGER))).isEmpty();
    }

    @Test
    void only_those_who_manage_models_may_audit() {
        Actor player = new Actor("alice", Set.of(PlatformRole.PLAYER, PlatformRole.WORLD_ADMIN));

        assertThatThrownBy(() -> audits.handle(new AuditNarration("s1", "b2", player)))
                .isInstanceOfSatisfying(DomainRejection.class,
                        rejection -> assertThat(rejection.violation().kind()).isEqualTo(RejectionKind.FORBIDDEN));
        assertThat(audits.handle(new AuditNarration("s1", "b2",
                new Actor("root", Set.of(PlatformRole.PLATFORM_ADMIN))))).isEmpty();
    }

    @Test
    void the_query_bus_answers_an_optional_narration_audit() {
        append("s1", T0, new StoryStarted("s1", "w1", "The heist", "alice"));
        append("s1", minutes(1), new NarrationRecorded("s1", "w1", "q0", "b1", "b2", 0, "The door creaks.", provenance(V1)));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(audits).subscribe(bus);
        var gateway = DefaultQueryGateway.builder().queryBus(bus).build();

        Optional<NarrationAudit> audit = gateway.query(new AuditNarration("s1", "b2", MANAGER),
                ResponseTypes.optionalInstanceOf(NarrationAudit.class)).join();

        assertThat(audit).hasValueSatisfying(found -> assertThat(found.beatId()).isEqualTo("b2"));
    }

    /** Shadow from T0+10m, analysed and advanced to the 5% canary step at T0+30m, held at T0+40m. */
    private void recordRolloutAtItsFirstCanaryStep() {
        append(SLOT, T0, new DeploymentCreated(SLOT, UseCase.NARRATOR, "w1", V1, "root"));
        append(SLOT, minutes(10), new AutoSwitchDecided(SLOT, V2, V1, true, "switching: better", METRICS, METRICS,
                new AutoSwitchPolicy(0.2, null), "r1", "system"));
        append(SLOT, minutes(10), new RolloutStarted(SLOT, "r1", V2, V1, STRATEGY, RolloutPhase.SHADOW, 0, 0, "auto-switch",
                "system"));
        append(SLOT, minutes(30), new RolloutAnalyzed(SLOT, "r1", 0, RolloutPhase.SHADOW, METRICS, METRICS, List.of(),
                Verdict.ADVANCE, "every gate passed", "system"));
        append(SLOT, minutes(30), new RolloutAdvanced(SLOT, "r1", 1, 5, "system"));
        append(SLOT, minutes(40), new RolloutAnalyzed(SLOT, "r1", 1, RolloutPhase.CANARY, METRICS, METRICS, List.of(),
                Verdict.HOLD, "inconclusive: too few samples", "system"));
    }

    private static NarrationRecorded narration(String beatId, int alternative, ModelRef model, NarrationArm arm) {
        return new NarrationRecorded("s1", "w1", "q" + alternative, "b1", beatId, alternative, "The door creaks.",
                provenance(model).routed(SLOT, arm, "r1", 1));
    }

    private static NarrationProvenance provenance(ModelRef model) {
        return new NarrationProvenance(model.modelId(), model.version(), "sha256:abc", List.of(), 120, 300, 40);
    }

    private static List<RouteDecisionKind> kinds(AuditedNarration narration) {
        return narration.decisions().stream().map(RouteDecision::kind).toList();
    }

    private static Instant minutes(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private void append(String aggregateId, Instant at, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (previous, ignored) -> previous + 1);
        events.publish(new GenericDomainEventMessage<>(aggregateId.startsWith("narrator") ? "Deployment" : "Story",
                aggregateId, sequence, payload, Map.of(), UUID.randomUUID().toString(), at));
    }
}
