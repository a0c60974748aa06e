package io.storyteller.command.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
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
