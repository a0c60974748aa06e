package io.storyteller.command.narration.budget;

import io.storyteller.domain.budget.BudgetStanding;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The engine's in-memory view of each world's standing against the spend limits, so that a turn's
 * check reads memory, not the database. A world's view is read from the spend read model at most
 * once per {@code refresh}; between reads, what this instance spends is added as it is recorded.
 * A read never lowers a figure: the read model may not yet hold this instance's latest turns (then
 * the view keeps its own larger sum), and other instances' spend arrives with the next read.
 * <p>
 * Consistency: turns that start together all see the figure from before any of them, and other
 * instances' turns are seen up to {@code refresh} late, so a limit may be overshot by the turns in
 * flight (and, with several instances, by what they spend within one refresh). That small overshoot
 * is accepted: the alternative, a database lock on every turn, would serialise narration.
 */
final class SpendLedger {

    private final BiFunction<String, LocalDate, BudgetStanding> reader;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private volatile Global global = new Global(LocalDate.MIN, BigDecimal.ZERO, BigDecimal.ZERO);

    /** @param reader reads a world's standing on a day from the read model; null when it cannot */
    SpendLedger(BiFunction<String, LocalDate, BudgetStanding> reader, Duration refresh, Clock clock) {
        this.reader = reader;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The world's standing today (UTC), read again when the view is older than {@code refresh} or of another day. */
    BudgetStanding standing(String worldId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long now = clock.millis();
        View view = views.get(worldId);
        if (view == null || !view.standing().day().equals(today) || now - view.readAt() >= refresh.toMillis()) {
            BudgetStanding read = reader.apply(worldId, today);
            if (read != null) {
                view = views.merge(worldId, new View(read, now), (old, fresh) -> old.merged(fresh));
                mergeGlobal(read);
            } else if (view == null || !view.standing().day().equals(today)) {
                return new BudgetStanding(today, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO);
            }
        }
        Global platform = global;
        BudgetStanding own = view.standing();
        if (!platform.day().equals(own.day())) {
            return own;
        }
        return new BudgetStanding(own.day(), own.world(), own.global(), own.worldDay(), own.worldMonth(),
                own.globalDay().max(platform.dayTotal()), own.globalMonth().max(platform.monthTotal()));
    }

    /** Adds what a turn of the world cost, to the world's and the platform's figures. */
    void spent(String worldId, BigDecimal cost) {
        if (cost == null || cost.signum() <= 0) {
            return;
        }
        views.computeIfPresent(worldId, (id, view) -> view.plus(cost));
        synchronized (this) {
            Global current = global;
            global = new Global(current.day(), current.dayTotal().add(cost), current.monthTotal().add(cost));
        }
    }

    private synchronized void mergeGlobal(BudgetStanding read) {
        Global current = global;
        if (!current.day().equals(read.day())) {
            global = new Global(read.day(), read.globalDay(), read.globalMonth());
        } else {
            global = new Global(current.day(), current.dayTotal().max(read.globalDay()),
                    current.monthTotal().max(read.globalMonth()));
        }
    }

    private record Global(LocalDate day, BigDecimal dayTotal, BigDecimal monthTotal) {
    }

    private record View(BudgetStanding standing, long readAt) {

        View merged(View fresh) {
            BudgetStanding old = standing;
            BudgetStanding read = fresh.standing();
            if (!old.day().equals(read.day())) {
                return fresh;
            }
            return new View(new BudgetStanding(read.day(), read.world(), read.global(),
                    read.worldDay().max(old.worldDay()), read.worldMonth().max(old.worldMonth()),
                    read.globalDay().max(old.globalDay()), read.globalMonth().max(old.globalMonth())), fresh.readAt());
        }

        View plus(BigDecimal cost) {
            BudgetStanding s = standing;
            return new View(new BudgetStanding(s.day(), s.world(), s.global(), s.worldDay().add(cost),
                    s.worldMonth().add(cost), s.globalDay().add(cost), s.globalMonth().add(cost)), readAt);
        }
    }
}
