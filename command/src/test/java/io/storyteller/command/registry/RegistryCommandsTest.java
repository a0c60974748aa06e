package io.storyteller.command.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.model.ModelSource;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;

/** Repeats count as done before; real refusals keep their domain message, anything else only its kind. */
class RegistryCommandsTest {

    static final RegisterModel REGISTER = new RegisterModel("m:x", null, null, null, Actor.system());
    static final AddModelVersion ADD = new AddModelVersion("m:x", "1", null, null, null, Actor.system());

    @Test
    void a_second_stream_for_a_model_is_a_repeat() {
        var failure = new CompletionException(new AggregateStreamCreationException("duplicate"));

        assertThat(RegistryCommands.classify(REGISTER, failure).outcome()).isEqualTo(RegistryOutcome.ALREADY_DONE);
    }

    @Test
    void a_version_the_model_has_is_a_repeat_but_a_retired_model_is_a_refusal() {
        assertThat(RegistryCommands.classify(ADD, DomainRejection.conflict("version", "unique", "has it")).outcome())
                .isEqualTo(RegistryOutcome.ALREADY_DONE);
        assertThat(RegistryCommands.classify(ADD, DomainRejection.conflict("modelId", "not-retired", "model m:x is retired")))
                .isEqualTo(new RegistryResult(RegistryOutcome.REJECTED, "model m:x is retired"));
    }

    @Test
    void a_unique_violation_from_postgresql_is_a_repeat_of_a_registration() {
        var failure = new EventStoreException("An event for aggregate [m:x] at sequence [0] could not be persisted",
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(RegistryCommands.classify(REGISTER, failure).outcome()).isEqualTo(RegistryOutcome.ALREADY_DONE);
    }

    @Test
    void a_version_that_meets_a_concurrent_write_is_sent_again() {
        FakeRegistry registry = new FakeRegistry();
        registry.given(new RegisterModel("m:x", null, ModelSource.PAID_API, null, Actor.system()));
        registry.failNext(new EventStoreException("could not be persisted", new SQLException("duplicate", "23505")));
        try (RegistryCommands commands = new RegistryCommands(registry)) {
            assertThat(commands.addVersion(ADD)).isEqualTo(RegistryResult.DONE);
        }
        assertThat(registry.versionsOf("m:x")).containsExactly("1");
        assertThat(registry.sent).hasSize(2);
    }

    @Test
    void an_unexpected_failure_tells_only_its_kind() {
        var failure = new IllegalStateException("jdbc:postgresql://db:5432 password=secret");

        assertThat(RegistryCommands.classify(REGISTER, failure))
                .isEqualTo(new RegistryResult(RegistryOutcome.REJECTED, "failed: IllegalStateException"));
    }
}
