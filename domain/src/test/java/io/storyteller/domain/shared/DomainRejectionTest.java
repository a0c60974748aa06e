package io.storyteller.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

class DomainRejectionTest {

    @Test
    void aRejectionCarriesItsViolationAsTheExceptionsDetails() {
        DomainRejection rejection = DomainRejection.invalid("settings.name", "required", "settings.name must not be blank");
        assertThat(rejection).isInstanceOf(CommandExecutionException.class);
        assertThat(rejection.getMessage()).isEqualTo("settings.name must not be blank");
        assertThat(rejection.getDetails()).contains(rejection.violation());
    }

    @Test
    void eachFactoryNamesItsKind() {
        assertThat(DomainRejection.invalid("f", "r", "m").violation())
                .isEqualTo(new Violation(RejectionKind.INVALID, "f", "r", "m"));
        assertThat(DomainRejection.forbidden("r", "m").violation())
                .isEqualTo(new Violation(RejectionKind.FORBIDDEN, "actor", "r", "m"));
        assertThat(DomainRejection.notFound("f", "m").violation())
                .isEqualTo(new Violation(RejectionKind.NOT_FOUND, "f", "exists", "m"));
        assertThat(DomainRejection.conflict("f", "r", "m").violation())
                .isEqualTo(new Violation(RejectionKind.CONFLICT, "f", "r", "m"));
    }
}
