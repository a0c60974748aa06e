package io.storyteller.ops.healing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which streaming processors to restart: one in error, or stopped after it had run, for
 * longer than {@code stuckAfter}, and not held by an operator's action (a reset stops it on purpose).
 * Restarts of one processor are spaced by a {@link Backoff} that grows with each restart and starts
 * over once the processor has run well for {@code stuckAfter}. A processor that never ran (not
 * started by configuration) is left alone. What it remembers is this instance's view of its own
 * processors, so it is kept in memory. Pure (the time is given); not thread-safe.
 */
final class ProcessorWatch {

    /** What a processor looked like at one check. */
    record Seen(String name, boolean running, boolean error) {
    }

    private static final class State {
        boolean ran;
        Instant troubleSince;
        Instant healthySince;
        int restarts;
        Instant lastRestart;
    }

    private final Duration stuckAfter;
    private final Backoff backoff;
    private final Map<String, State> states = new HashMap<>();

    ProcessorWatch(Duration stuckAfter, Backoff backoff) {
        this.stuckAfter = stuckAfter;
        this.backoff = backoff;
    }

    /** @return the processors to restart now, in the order seen */
    List<String> toRestart(List<Seen> processors, Set<String> held, Instant now) {
        List<String> restart = new ArrayList<>();
        for (Seen seen : processors) {
            State state = states.computeIfAbsent(seen.name(), name -> new State());
            boolean healthy = seen.running() && !seen.error();
            if (healthy) {
                state.ran = true;
                state.troubleSince = null;
                state.healthySince = state.healthySince == null ? now : state.healthySince;
                if (!now.isBefore(state.healthySince.plus(stuckAfter))) {
                    state.restarts = 0;
                }
                continue;
            }
            state.healthySince = null;
            boolean trouble = seen.error() || state.ran;
            if (!trouble || held.contains(seen.name())) {
                state.troubleSince = null;
                continue;
            }
            state.troubleSince = state.troubleSince == null ? now : state.troubleSince;
            boolean stuck = !now.isBefore(state.troubleSince.plus(stuckAfter));
            boolean waited = state.lastRestart == null
                    || !now.isBefore(state.lastRestart.plus(backoff.after(state.restarts - 1)));
            if (stuck && waited) {
                restart.add(seen.name());
            }
        }
        return restart;
    }

    /** Notes a restart: the next one of this processor waits longer. */
    void restarted(String name, Instant now) {
        State state = states.computeIfAbsent(name, n -> new State());
        state.restarts++;
        state.lastRestart = now;
    }

    /** How many times in a row this processor was restarted without running well since. */
    int restarts(String name) {
        State state = states.get(name);
        return state == null ? 0 : state.restarts;
    }
}
