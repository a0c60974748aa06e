package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingOperatorActionsTest {

    private static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    private static final Actor WORLD_ADMIN = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN));

    private FixtureConfiguration<OperatorAction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OperatorAction.class);
    }

    @Test
    void aPlatformAdminsActionIsRecordedUnderTheirSubject() {
        fixture.givenNoPriorActivity()
                .when(new RecordOperatorAction("act-1", "resetProcessor", "worlds", "reset to the start; replaying to 120", true, ADMIN))
                .expectEvents(new OperatorActionRecorded("act-1", "ada", "resetProcessor", "worlds",
                        "reset to the start; replaying to 120", true));
    }

    @Test
    void aFailedActionIsRecordedAsFailed() {
        fixture.givenNoPriorActivity()
                .when(new RecordOperatorAction("act-2", "splitSegment", "worlds segment 0", "not split: claimed elsewhere", false, ADMIN))
                .expectEvents(new OperatorActionRecorded("act-2", "ada", "splitSegment", "worlds segment 0",
                        "not split: claimed elsewhere", false));
    }

    @Test
    void nobodyButPlatformAdminsRecordsOperatorActions() {
        fixture.givenNoPriorActivity()
                .when(new RecordOperatorAction("act-3", "resetProcessor", "worlds", "done", true, WORLD_ADMIN))
                .expectException(Rejected.forbidden("role:platform-admin"));
    }

    @Test
    void theRecordNamesWhatWasDone() {
        fixture.givenNoPriorActivity()
                .when(new RecordOperatorAction("act-4", " ", "worlds", "done", true, ADMIN))
                .expectException(Rejected.invalid("action", "required"));
    }

    @Test
    void anOverlongOutcomeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordOperatorAction("act-5", "evictDeadLetters", "worlds", "x".repeat(OperatorAction.MAX_OUTCOME + 1),
                        true, ADMIN))
                .expectException(Rejected.invalid("outcome", "max-length:" + OperatorAction.MAX_OUTCOME));
    }
}
