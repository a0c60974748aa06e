package io.storyteller.ops.health;

import io.storyteller.ops.processing.ProcessorProgress.Standing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health component {@code processors}: DOWN while an event processor of this instance has a segment
 * in error, or stays behind the head of the log without moving for longer than
 * {@code storyteller.readiness.processor-stuck-after}. A processor behind and moving (a replay, a
 * backlog) is UP: it is catching up.
 */
class ProcessorsHealthIndicator implements HealthIndicator {

    private final Supplier<List<Standing>> standings;
    private final Duration stuckAfter;
    private final Clock clock;
    /** Where each processor behind the head was first seen at its current position. */
    private final Map<String, Sighting> sightings = new HashMap<>();

    ProcessorsHealthIndicator(Supplier<List<Standing>> standings, Duration stuckAfter, Clock clock) {
        this.standings = standings;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (Standing standing : standings.get()) {
            String state = state(standing, now);
            healthy &= state.equals("ok") || state.equals("catching up") || state.equals("replaying");
            details.put(standing.name(), Map.of("state", state, "lag", standing.lag(),
                    "claimedSegments", standing.claimedSegments()));
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }

    private String state(Standing standing, Instant now) {
        if (standing.errorSegments() > 0) {
            sightings.remove(standing.name());
            return "error (" + standing.error() + ")";
        }
        if (standing.lag() == 0 || !standing.running()) {
            sightings.remove(standing.name());
            return standing.running() ? "ok" : "stopped";
        }
        Sighting seen = sightings.get(standing.name());
        if (seen == null || seen.position() != standing.position()) {
            sightings.put(standing.name(), new Sighting(standing.position(), now));
            return standing.replaying() ? "replaying" : "catching up";
        }
        Duration still = Duration.between(seen.since(), now);
        return still.compareTo(stuckAfter) > 0 ? "stuck for " + still.toSeconds() + " s"
                : standing.replaying() ? "replaying" : "catching up";
    }

    private record Sighting(long position, Instant since) {
    }
}
