package io.storyteller.domain.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The platform-wide spend limit: one small aggregate of its own (id {@link #ID}), created by the
 * first command, so that setting it never loads a world. Platform admins set and clear it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class GlobalBudget {

    /** The one global budget's id. */
    public static final String ID = "global";

    @AggregateIdentifier
    private String budgetId;
    private BudgetLimits limits;

    protected GlobalBudget() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetGlobalBudget command) {
        requirePlatformAdmin(command.actor());
        BudgetLimits budget = Require.present("budget", command.budget()).validated();
        apply(new GlobalBudgetSet(requireId(command.budgetId()), budget, command.actor().userId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ClearGlobalBudget command) {
        requirePlatformAdmin(command.actor());
        String id = requireId(command.budgetId());
        if (limits != null) {
            apply(new GlobalBudgetCleared(id, command.actor().userId()));
        }
    }

    private static void requirePlatformAdmin(Actor actor) {
        if (!AccessPolicy.hasPlatformAuthority(Require.present("actor", actor))) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins set the global budget");
        }
    }

    private static String requireId(String budgetId) {
        if (!ID.equals(budgetId)) {
            throw DomainRejection.invalid("budgetId", "global", "the global budget's id is " + ID);
        }
        return budgetId;
    }

    @EventSourcingHandler
    void on(GlobalBudgetSet event) {
        budgetId = event.budgetId();
        limits = event.budget();
    }

    @EventSourcingHandler
    void on(GlobalBudgetCleared event) {
        budgetId = event.budgetId();
        limits = null;
    }
}
