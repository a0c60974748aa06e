package io.storyteller.command.narration.failover;

import io.storyteller.domain.healing.HealingOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a long outage from writing one record per turn: the first failover of a narrator (and
 * outcome) in a window is recorded at once, the ones after it are counted and recorded together
 * when the window has passed, with how many there were. Not thread-safe: {@link FailoverLog}
 * serialises access. Pure (the time is given).
 */
final class FailoverTally {

    /** What to record: a subject's failovers of one outcome, how many, and the last one's detail. */
    record Report(String subject, HealingOutcome outcome, String detail, int occurrences) {
    }

    private record Key(String subject, HealingOutcome outcome) {
    }

    private static final class Window {
        final Instant opened;
        int pending;
        String detail;

        Window(Instant opened) {
            this.opened = opened;
        }
    }

    private final Duration window;
    private final Map<Key, Window> open = new HashMap<>();

    FailoverTally(Duration window) {
        this.window = window;
    }

    /** @return the report to record now: the first failover of its window; empty when it is counted for later */
    Optional<Report> note(String subject, HealingOutcome outcome, String detail, Instant now) {
        Key key = new Key(subject, outcome);
        Window current = open.get(key);
        if (current == null || !now.isBefore(current.opened.plus(window))) {
            Optional<Report> earlier = current == null ? Optional.empty() : closed(key, current);
            if (earlier.isPresent()) {
                // The window passed without a flush: this failover opens the next one, counted for later.
                Window next = new Window(now);
                next.pending = 1;
                next.detail = detail;
                open.put(key, next);
                return earlier;
            }
            open.put(key, new Window(now));
            return Optional.of(new Report(subject, outcome, detail, 1));
        }
        current.pending++;
        current.detail = detail;
        return Optional.empty();
    }

    /** The counted failovers of every window that has passed; a window with none is forgotten. */
    List<Report> due(Instant now) {
        List<Report> due = new ArrayList<>();
        open.entrySet().removeIf(entry -> {
            if (now.isBefore(entry.getValue().opened.plus(window))) {
                return false;
            }
            closed(entry.getKey(), entry.getValue()).ifPresent(due::add);
            return true;
        });
        return due;
    }

    private static Optional<Report> closed(Key key, Window window) {
        return window.pending == 0 ? Optional.empty()
                : Optional.of(new Report(key.subject(), key.outcome(), window.detail, window.pending));
    }
}
