package io.storyteller.domain.healing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One healing action of the platform, kept in the event log beside what it healed. One small
 * aggregate per action, as for operator actions, so that recording never loads a stream that grows
 * with every action ever taken; an id derived from what is recorded makes a second record of it
 * fail as a duplicate, which is how "recorded once" holds across instances.
 */
public class HealingAction {

    static final int MAX_SUBJECT = 300;
    static final int MAX_DETAIL = 1000;
    static final int MAX_OCCURRENCES = 1_000_000;

    @AggregateIdentifier
    private String actionId;

    protected HealingAction() {
    }

    @CommandHandler
    public HealingAction(RecordHealingAction command) {
        Actor actor = Require.present("actor", command.actor());
        if (!actor.isSystem()) {
            throw DomainRejection.forbidden("role:system", "only the platform itself records what it healed");
        }
        apply(new HealingActionRecorded(Require.id("actionId", command.actionId()),
                Require.present("kind", command.kind()),
                Require.text("subject", command.subject(), MAX_SUBJECT),
                Require.text("detail", command.detail(), MAX_DETAIL),
                Require.present("outcome", command.outcome()),
                Require.range("occurrences", command.occurrences(), 1, MAX_OCCURRENCES)));
    }

    @EventSourcingHandler
    void on(HealingActionRecorded event) {
        actionId = event.actionId();
    }
}
