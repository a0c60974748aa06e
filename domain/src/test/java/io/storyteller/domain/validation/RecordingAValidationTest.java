package io.storyteller.domain.validation;

import io.storyteller.domain.model.Model;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelRetired;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A validation is recorded on the candidate's Model, in its event stream. */
class RecordingAValidationTest {

    private static final String NARRATOR = "house-narrator";
    private static final ModelRef INCUMBENT = new ModelRef(NARRATOR, "1");
    private static final List<ValidationGate> GATES = List.of(new ValidationGate("review.score", 0.71, 0.70, 0.5, true, true));
    private static final List<ValidationExample> EXAMPLES = List.of(
            new ValidationExample("WIN", "I open the door", "The door creaks open.", "Door.", 0.8, 0.4));

    private FixtureConfiguration<Model> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Model.class);
        fixture.registerAnnotatedCommandHandler(new ModelValidations(fixture.getRepository()));
    }

    private static List<Object> narrator(Object... more) {
        ModelSpec spec = new ModelSpec("house", "house-narrator", ModelKind.CHAT, List.of("chat"), 4096, TokenPrice.zero(), "house");
        var events = new java.util.ArrayList<Object>(List.of(new ModelRegistered(NARRATOR, spec, ModelSource.SELF_HOSTED, null, "system"),
                new ModelVersionAdded(NARRATOR, "1", null, null, null, "system"),
                new ModelVersionAdded(NARRATOR, "2", null, INCUMBENT, null, "system")));
        events.addAll(List.of(more));
        return events;
    }

    private static RecordModelValidation passed(String version) {
        return new RecordModelValidation(NARRATOR, version, "v-1", "narrator-default", INCUMBENT, true, GATES, 3, 1, 16,
                EXAMPLES, List.of(), Actor.system());
    }

    @Test
    void aPassedValidationIsRecordedOnTheCandidate() {
        fixture.given(narrator())
                .when(passed("2"))
                .expectEvents(new ModelValidated(NARRATOR, "2", "v-1", "narrator-default", INCUMBENT, true, GATES, 3, 1, 16,
                        EXAMPLES, List.of(), "system"));
    }

    @Test
    void aFailedValidationSaysWhy() {
        List<String> why = List.of("review.score: candidate 0.41 < threshold 0.5 (incumbent 0.70)");
        fixture.given(narrator())
                .when(new RecordModelValidation(NARRATOR, "2", "v-2", "narrator-default", INCUMBENT, false, GATES, 0, 20, 0,
                        EXAMPLES, why, Actor.system()))
                .expectEvents(new ModelValidated(NARRATOR, "2", "v-2", "narrator-default", INCUMBENT, false, GATES, 0, 20, 0,
                        EXAMPLES, why, "system"));
        fixture.given(narrator())
                .when(new RecordModelValidation(NARRATOR, "2", "v-3", "narrator-default", INCUMBENT, false, GATES, 0, 20, 0,
                        EXAMPLES, List.of(), Actor.system()))
                .expectNoEvents()
                .expectException(Rejected.invalid("reasons", "required-when-failed"));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        fixture.given(narrator())
                .when(passed("9"))
                .expectNoEvents()
                .expectException(Rejected.notFound("candidate.version"));
    }

    @Test
    void aRetiredModelTakesNoValidation() {
        fixture.given(narrator(new ModelRetired(NARRATOR, "superseded", "system")))
                .when(passed("2"))
                .expectNoEvents()
                .expectException(Rejected.conflict("candidate.modelId", "not-retired"));
    }

    @Test
    void onlyPlatformAdminsRecordValidations() {
        fixture.given(narrator())
                .when(new RecordModelValidation(NARRATOR, "2", "v-1", "narrator-default", INCUMBENT, true, GATES, 3, 1, 16,
                        EXAMPLES, List.of(), DefiningEvaluationSuitesTest.MANAGER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:platform-admin"));
    }
}
