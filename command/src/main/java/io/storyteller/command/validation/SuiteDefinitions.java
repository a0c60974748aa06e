package io.storyteller.command.validation;

import io.storyteller.domain.validation.DefaultSuites;
import io.storyteller.domain.validation.EvaluationSuiteDefined;
import io.storyteller.domain.validation.EvaluationSuiteRevised;
import io.storyteller.domain.validation.EvaluationSuiteView;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A suite as its own events last left it, read from the suite's stream rather than the read model:
 * a suite defined a moment before a validation asks for it is found, without waiting for a
 * projection. A name nobody defined is its built-in default, if there is one.
 */
final class SuiteDefinitions {

    private final EventStore events;

    SuiteDefinitions(EventStore events) {
        this.events = events;
    }

    Optional<EvaluationSuiteView> named(String name) {
        EvaluationSuiteView suite = null;
        DomainEventStream stream = events.readEvents(name);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            switch (event.getPayload()) {
                case EvaluationSuiteDefined e -> suite = new EvaluationSuiteView(e.name(), e.useCase(), e.dataset(),
                        e.metrics(), e.tieMargin(), false);
                case EvaluationSuiteRevised e -> suite = new EvaluationSuiteView(e.name(), e.useCase(), e.dataset(),
                        e.metrics(), e.tieMargin(), false);
                default -> {
                    // another aggregate's event under the same id: not a suite
                }
            }
        }
        if (suite != null) {
            return Optional.of(suite);
        }
        return DefaultSuites.all().stream().filter(builtIn -> builtIn.name().equals(name)).findFirst();
    }
}
