package io.storyteller.command.autoswitch;

import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.world.WorldCreated;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the auto-switch needs from the event log, read once from its beginning to its head as it
 * is now: per world the newest player actions (and across all worlds, for global slots), the
 * worlds' names, and the (slot, candidate) pairs already decided ({@link AutoSwitchDecided}).
 * Only those event types are deserialised.
 */
final class RecordedActions {

    private static final Logger log = LoggerFactory.getLogger(RecordedActions.class);
    private static final int READ_WAIT_SECONDS = 2;

    private final int limit;
    private final Map<String, String> worldNames = new HashMap<>();
    private final Map<String, Deque<PlayerActionSubmitted>> byWorld = new HashMap<>();
    private final Deque<PlayerActionSubmitted> all = new ArrayDeque<>();
    private final Set<String> decided = new HashSet<>();

    private RecordedActions(int limit) {
        this.limit = limit;
    }

    static RecordedActions read(StreamableMessageSource<TrackedEventMessage<?>> events, int limit) {
        RecordedActions actions = new RecordedActions(limit);
        TrackingToken head = events.createHeadToken();
        if (head == null) {
            return actions;
        }
        long headIndex = head.position().orElse(Long.MAX_VALUE);
        long lastIndex = -1;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (lastIndex < headIndex && stream.hasNextAvailable(READ_WAIT_SECONDS, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                lastIndex = event.trackingToken().position().orElse(lastIndex + 1);
                actions.read(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        }
        return actions;
    }

    static String pair(String deploymentId, String candidateLabel) {
        return deploymentId + " <- " + candidateLabel;
    }

    private void read(TrackedEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type != PlayerActionSubmitted.class && type != WorldCreated.class && type != AutoSwitchDecided.class) {
            return;
        }
        try {
            switch (event.getPayload()) {
                case PlayerActionSubmitted e -> {
                    keep(all, e);
                    keep(byWorld.computeIfAbsent(e.worldId(), world -> new ArrayDeque<>()), e);
                }
                case WorldCreated e -> worldNames.put(e.worldId(), e.settings() == null ? null : e.settings().name());
                case AutoSwitchDecided e -> decided.add(pair(e.deploymentId(), e.candidate().label()));
                default -> {
                    // not read
                }
            }
        } catch (RuntimeException e) {
            log.warn("Auto-switch skips unreadable event {}: {}", event.getIdentifier(), e.toString());
        }
    }

    private void keep(Deque<PlayerActionSubmitted> newest, PlayerActionSubmitted action) {
        if (action.text() == null || action.text().isBlank()) {
            return;
        }
        newest.addLast(action);
        if (newest.size() > limit) {
            newest.removeFirst();
        }
    }

    /** The newest actions of a world, or of all worlds when {@code worldId} is null; oldest first. */
    List<RecordedAction> of(String worldId) {
        Deque<PlayerActionSubmitted> newest = worldId == null ? all : byWorld.getOrDefault(worldId, new ArrayDeque<>());
        return newest.stream().map(e -> new RecordedAction(e.worldId(), worldNames.get(e.worldId()), e.text())).toList();
    }

    /** The pairs decided in the log, as {@link #pair} keys. */
    Set<String> decided() {
        return Set.copyOf(decided);
    }
}
