package io.storyteller.domain.processing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One operator action on the running platform, kept in the event log beside what it acted on: the
 * audit of the operators themselves. One small aggregate per action (not one per platform), so that
 * recording never loads a stream that grows with every action ever taken.
 */
public class OperatorAction {

    static final int MAX_ACTION = 60;
    static final int MAX_TARGET = 300;
    static final int MAX_OUTCOME = 1000;

    @AggregateIdentifier
    private String actionId;

    protected OperatorAction() {
    }

    @CommandHandler
    public OperatorAction(RecordOperatorAction command) {
        Actor actor = Require.present("actor", command.actor());
        if (!AccessPolicy.hasPlatformAuthority(actor)) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins act on the platform's processing");
        }
        apply(new OperatorActionRecorded(Require.id("actionId", command.actionId()),
                actor.userId(),
                Require.text("action", command.action(), MAX_ACTION),
                Require.text("target", command.target(), MAX_TARGET),
                Require.text("outcome", command.outcome(), MAX_OUTCOME),
                command.succeeded()));
    }

    @EventSourcingHandler
    void on(OperatorActionRecorded event) {
        actionId = event.actionId();
    }
}
