package io.storyteller.command.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

class StageSlotsTest {

    private static final ModelRef MINILM = new ModelRef("house:all-minilm-l6-v2-q", "1.20.0-beta30");
    private static final ModelRef NOMIC = new ModelRef("local:nomic-embed-text", "1");

    /** The routes the query side answers, by "useCase/worldId"; every question asked is recorded. */
    private final Map<String, NarratorRoute> routes = new ConcurrentHashMap<>();
    private final List<FindSlotRoute> asked = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    @Test
    void aStageIsServedByTheStableVersionOfItsSlotInTheWorld() {
        routes.put("EMBEDDER/w1", new NarratorRoute("embedder:world:w1", NOMIC, null));
        StageSlots slots = new StageSlots(gateway(), Duration.ofSeconds(2), clock);

        assertThat(slots.stable(UseCase.EMBEDDER, "w1")).contains(NOMIC);
        assertThat(slots.stable(UseCase.EMBEDDER, "w2")).isEmpty();
        assertThat(slots.stable(UseCase.DETECTOR, "w1")).isEmpty();
        assertThat(asked).containsExactly(new FindSlotRoute(UseCase.EMBEDDER, "w1"),
                new FindSlotRoute(UseCase.EMBEDDER, "w2"), new FindSlotRoute(UseCase.DETECTOR, "w1"));
    }

    @Test
    void anAnswerIsKeptForAFewSecondsThenAskedAgain() {
        routes.put("EMBEDDER/w1", new NarratorRoute("embedder:world:w1", MINILM, null));
        StageSlots slots = new StageSlots(gateway(), Duration.ofSeconds(2), clock);
        assertThat(slots.stable(UseCase.EMBEDDER, "w1")).contains(MINILM);

        routes.put("EMBEDDER/w1", new NarratorRoute("embedder:world:w1", NOMIC, null));
        clock.advance(StageSlots.FRESH_FOR.minusMillis(1));
        assertThat(slots.stable(UseCase.EMBEDDER, "w1")).contains(MINILM);
        clock.advance(Duration.ofMillis(1));
        assertThat(slots.stable(UseCase.EMBEDDER, "w1")).contains(NOMIC);
        assertThat(asked).hasSize(2);
    }

    @Test
    void theCurrentStableIsAskedPastAKeptAnswerAndKeptForTheStages() {
        StageSlots slots = new StageSlots(gateway(), Duration.ofSeconds(2), clock);
        assertThat(slots.stable(UseCase.DETECTOR, "w1")).as("before the slot is opened").isEmpty();

        ModelRef v1 = new ModelRef("house-classifier:detector", "1");
        routes.put("DETECTOR/w1", new NarratorRoute("detector:world:w1", v1, null));
        assertThat(slots.stable(UseCase.DETECTOR, "w1")).as("the stages' kept answer").isEmpty();
        assertThat(slots.currentStable(UseCase.DETECTOR, "w1")).contains(v1);
        assertThat(slots.stable(UseCase.DETECTOR, "w1")).as("the stages see the fresh answer too").contains(v1);
        assertThat(asked).hasSize(2);
    }

    @Test
    void perStoryTheCanaryJudgesTheStoriesItsWeightGivesItAndTheShadowIsMirrored() {
        ModelRef v1 = new ModelRef("house-classifier:detector", "1");
        ModelRef v2 = new ModelRef("house-classifier:detector", "2");
        routes.put("DETECTOR/w1", new NarratorRoute("detector:global", v1, new RolloutRoute("r1", v2, RolloutPhase.CANARY, 25, 2)));
        routes.put("DETECTOR/w2", new NarratorRoute("detector:global", v1, new RolloutRoute("r2", v2, RolloutPhase.SHADOW, 0)));
        routes.put("DETECTOR/w3", new NarratorRoute("detector:global", v1, null));
        StageSlots slots = new StageSlots(gateway(), Duration.ofSeconds(2), clock);

        List<String> stories = java.util.stream.IntStream.range(0, 400).mapToObj(i -> "s" + i).toList();
        long canary = stories.stream().filter(s -> slots.choice(UseCase.DETECTOR, "w1", s).orElseThrow().serving().equals(v2))
                .count();
        assertThat(canary).isBetween(70L, 130L); // a quarter of the stories, by their buckets
        stories.forEach(s -> assertThat(slots.choice(UseCase.DETECTOR, "w1", s).orElseThrow().route().arm())
                .isEqualTo(ArmChoice.servesCandidate(s, "r1", 25) ? NarrationArm.CANARY : NarrationArm.STABLE));

        RouteChoice shadow = slots.choice(UseCase.DETECTOR, "w2", "s1").orElseThrow();
        assertThat(shadow.serving()).isEqualTo(v1);
        assertThat(shadow.shadow()).isEqualTo(v2);
        assertThat(shadow.shadowRoute()).isEqualTo(new NarrationRoute("detector:global", NarrationArm.SHADOW, "r2", 0));

        RouteChoice stableOnly = slots.choice(UseCase.DETECTOR, "w3", "s1").orElseThrow();
        assertThat(stableOnly.serving()).isEqualTo(v1);
        assertThat(stableOnly.shadow()).isNull();
        assertThat(stableOnly.route()).isEqualTo(new NarrationRoute("detector:global", NarrationArm.STABLE, null, null));

        assertThat(slots.choice(UseCase.DETECTOR, "w4", "s1")).isEmpty(); // no deployment: the house default judges
        assertThat(asked).hasSize(4); // one question per (use case, world) within FRESH_FOR, whatever the stories
    }

    @Test
    void anApplicationWithoutDeploymentsHasNoSlots() {
        StageSlots slots = new StageSlots(DefaultQueryGateway.builder().queryBus(SimpleQueryBus.builder().build()).build(),
                Duration.ofSeconds(2), clock);
        assertThat(slots.stable(UseCase.EMBEDDER, "w1")).isEmpty();
    }

    @Test
    void slotsThatCannotBeReadAreNeverGuessed() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class, message -> {
            throw new IllegalStateException("database down");
        });
        StageSlots slots = new StageSlots(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(2), clock);
        assertThatThrownBy(() -> slots.stable(UseCase.EMBEDDER, "w1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedder slot could not be resolved");
    }

    private DefaultQueryGateway gateway() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class, message -> {
            FindSlotRoute query = (FindSlotRoute) message.getPayload();
            asked.add(query);
            NarratorRoute route = routes.get(query.useCase() + "/" + query.worldId());
            return route == null ? GenericQueryResponseMessage.asNullableResponseMessage(NarratorRoute.class, null) : route;
        });
        return DefaultQueryGateway.builder().queryBus(bus).build();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
