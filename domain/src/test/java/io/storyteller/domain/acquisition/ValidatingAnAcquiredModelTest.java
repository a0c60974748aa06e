package io.storyteller.domain.acquisition;

import static io.storyteller.domain.acquisition.AcquiringFromTheHubTest.ADMIN;
import static io.storyteller.domain.acquisition.AcquiringFromTheHubTest.ID;
import static io.storyteller.domain.acquisition.AcquiringFromTheHubTest.MANAGER;
import static io.storyteller.domain.acquisition.AcquiringFromTheHubTest.VERSION;
import static io.storyteller.domain.acquisition.AcquiringFromTheHubTest.downloaded;
import static io.storyteller.domain.acquisition.AcquiringFromTheHubTest.requested;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.Arrays;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An acquisition whose evaluation was asked for records the one validation that answers it. */
class ValidatingAnAcquiredModelTest {

    private FixtureConfiguration<Acquisition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Acquisition.class);
    }

    private static Object[] evaluationRequested() {
        return new Object[] {requested(), downloaded(), new HubModelVerified(ID, "ef".repeat(32)),
                new AcquiredModelRegistered(ID, VERSION), new AcquiredModelEvaluationRequested(ID, VERSION, UseCase.NARRATOR)};
    }

    @Test
    void theValidationIsRecordedWithTheVersionAndItsUseCase() {
        fixture.given(evaluationRequested())
                .when(new RecordAcquiredModelValidation(ID, "acq-1-validation", Actor.system()))
                .expectEvents(new AcquiredModelValidationRequested(ID, "acq-1-validation", VERSION, UseCase.NARRATOR));
    }

    @Test
    void itIsRecordedOnce() {
        Object[] given = evaluationRequested();
        Object[] withValidation = Arrays.copyOf(given, given.length + 1);
        withValidation[given.length] = new AcquiredModelValidationRequested(ID, "v-1", VERSION, UseCase.NARRATOR);
        fixture.given(withValidation)
                .when(new RecordAcquiredModelValidation(ID, "v-2", ADMIN))
                .expectException(Rejected.conflict("validationId", "once"));
    }

    @Test
    void notBeforeTheEvaluationIsAskedFor() {
        fixture.given(requested(), downloaded())
                .when(new RecordAcquiredModelValidation(ID, "v-1", Actor.system()))
                .expectException(Rejected.conflict("step", "step-order"));
    }

    @Test
    void onlyPlatformAdminsAndThePlatformRecordIt() {
        fixture.given(evaluationRequested())
                .when(new RecordAcquiredModelValidation(ID, "v-1", MANAGER))
                .expectException(Rejected.forbidden("role:platform-admin"));
    }

    @Test
    void theValidationIdIsAnId() {
        fixture.given(evaluationRequested())
                .when(new RecordAcquiredModelValidation(ID, " ", Actor.system()))
                .expectException(Rejected.invalid("validationId", "required"));
    }
}
