package io.storyteller.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.processing.ProcessorProgress.Standing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ProcessorsHealthIndicatorTest {

    private final AtomicReference<List<Standing>> standings = new AtomicReference<>(List.of());
    private final MovableClock clock = new MovableClock();
    private final ProcessorsHealthIndicator indicator =
            new ProcessorsHealthIndicator(standings::get, Duration.ofMinutes(5), clock);

    @Test
    void processorsAtTheHeadAreUp() {
        standings.set(List.of(standing("stories", 100, 100, 0), standing("search", 100, 100, 0)));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("stories", "search");
    }

    @Test
    void aSegmentInErrorIsDown() {
        standings.set(List.of(standing("stories", 40, 100, 1)));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(state(health, "stories")).isEqualTo("error (IllegalStateException)");
    }

    @Test
    void aProcessorBehindAndMovingIsCatchingUpAndUp() {
        standings.set(List.of(standing("search", 10, 100, 0)));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        clock.advance(Duration.ofMinutes(4));
        standings.set(List.of(standing("search", 60, 100, 0)));
        clock.advance(Duration.ofMinutes(4));
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(state(health, "search")).isEqualTo("catching up");
    }

    @Test
    void aProcessorBehindWithoutMovingLongerThanTheLimitIsStuckAndDown() {
        standings.set(List.of(standing("search", 10, 100, 0)));
        indicator.health();

        clock.advance(Duration.ofMinutes(5));
        assertThat(indicator.health().getStatus()).as("at the limit").isEqualTo(Status.UP);

        clock.advance(Duration.ofSeconds(1));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(state(health, "search")).isEqualTo("stuck for 301 s");

        standings.set(List.of(standing("search", 11, 100, 0)));
        assertThat(indicator.health().getStatus()).as("moving again").isEqualTo(Status.UP);
    }

    @Test
    void aProcessorThatReachesTheHeadIsNoLongerWatched() {
        standings.set(List.of(standing("search", 10, 100, 0)));
        indicator.health();
        clock.advance(Duration.ofMinutes(3));
        standings.set(List.of(standing("search", 100, 100, 0)));
        indicator.health();
        clock.advance(Duration.ofMinutes(3));
        standings.set(List.of(standing("search", 100, 150, 0)));
        indicator.health();
        clock.advance(Duration.ofMinutes(4));

        assertThat(indicator.health().getStatus()).as("behind for 4 minutes only").isEqualTo(Status.UP);
    }

    private static Standing standing(String name, long position, long head, int errors) {
        return new Standing(name, true, 2, position, head, head - position, errors,
                errors > 0 ? "IllegalStateException" : null, false);
    }

    @SuppressWarnings("unchecked")
    private static Object state(Health health, String processor) {
        return ((Map<String, Object>) health.getDetails().get(processor)).get("state");
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-05T12:00:00Z");

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
