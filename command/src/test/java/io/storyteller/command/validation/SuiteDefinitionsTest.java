package io.storyteller.command.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.validation.DefaultSuites;
import io.storyteller.domain.validation.EvaluationSuiteDefined;
import io.storyteller.domain.validation.EvaluationSuiteRevised;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.SuiteMetric;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The validator finds a suite by its own events at once, and a name nobody defined by its default. */
class SuiteDefinitionsTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void stop() {
        events.shutDown();
    }

    private void append(String name, long seq, Object payload) {
        events.publish(new GenericDomainEventMessage<>("EvaluationSuite", name, seq, payload));
    }

    @Test
    void aDefinedSuiteIsReadAsItsLastRevisionLeftIt() {
        List<SuiteMetric> first = List.of(SuiteMetric.atLeast("review.score", 0.5));
        List<SuiteMetric> revised = List.of(SuiteMetric.atLeast("review.score", 0.7));
        append("ashfall", 0, new EvaluationSuiteDefined("ashfall", UseCase.NARRATOR, SuiteDataset.recentTurns(10), first, 0.02, "ada"));
        append("ashfall", 1, new EvaluationSuiteRevised("ashfall", UseCase.NARRATOR, SuiteDataset.recentTurns(30), revised, 0.05, "ada"));

        assertThat(new SuiteDefinitions(events).named("ashfall")).contains(new EvaluationSuiteView("ashfall", UseCase.NARRATOR,
                SuiteDataset.recentTurns(30), revised, 0.05, false));
    }

    @Test
    void aBuiltInNameNobodyDefinedIsItsDefaultAndAnUnknownNameIsNothing() {
        SuiteDefinitions suites = new SuiteDefinitions(events);

        assertThat(suites.named("guardrail-default")).isEqualTo(DefaultSuites.of(UseCase.GUARDRAIL));
        assertThat(suites.named("nobody-defined-this")).isEmpty();
    }
}
