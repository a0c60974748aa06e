package io.storyteller.command.narration.failover;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Records failovers as healing actions without making a turn wait: a failover is noted once the
 * turn's unit of work has committed, counted in a {@link FailoverTally}, and sent from the
 * recorder's own thread. Counted failovers are recorded when their window has passed (checked
 * every few seconds); the ones still counted when the instance stops are lost, which costs a count,
 * never a narration.
 */
public class FailoverLog {

    private final HealingActions actions;
    private final FailoverTally tally;
    private final Clock clock;

    public FailoverLog(HealingActions actions, FailoverProperties properties, Clock clock) {
        this.actions = actions;
        this.tally = new FailoverTally(properties.recordEvery());
        this.clock = clock;
    }

    /** Notes a failover of {@code subject} (the narrator that was down) after the current unit of work commits. */
    public void note(String subject, HealingOutcome outcome, String detail) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> count(subject, outcome, detail));
        } else {
            count(subject, outcome, detail);
        }
    }

    @Scheduled(fixedDelayString = "${storyteller.healing.failover.flush-every:5s}")
    public void flush() {
        List<FailoverTally.Report> due;
        synchronized (tally) {
            due = tally.due(clock.instant());
        }
        due.forEach(this::record);
    }

    private void count(String subject, HealingOutcome outcome, String detail) {
        Optional<FailoverTally.Report> now;
        synchronized (tally) {
            now = tally.note(subject, outcome, detail, clock.instant());
        }
        now.ifPresent(this::record);
    }

    private void record(FailoverTally.Report report) {
        actions.record(HealingKind.FAILOVER, report.subject(), report.detail(), report.outcome(), report.occurrences());
    }
}
