package io.storyteller.domain.healing;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingHealingActionsTest {

    private static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));

    private FixtureConfiguration<HealingAction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HealingAction.class);
    }

    @Test
    void thePlatformRecordsAFailoverWithHowOftenItHappened() {
        fixture.givenNoPriorActivity()
                .when(new RecordHealingAction("heal-1", HealingKind.FAILOVER, "narrator d-1 CANARY scribe:gpt@1",
                        "could not reach the provider; the STABLE arm answered", HealingOutcome.HEALED, 12, Actor.system()))
                .expectEvents(new HealingActionRecorded("heal-1", HealingKind.FAILOVER, "narrator d-1 CANARY scribe:gpt@1",
                        "could not reach the provider; the STABLE arm answered", HealingOutcome.HEALED, 12));
    }

    @Test
    void aGivenUpDeadLetterIsRecordedWithItsOutcome() {
        fixture.givenNoPriorActivity()
                .when(new RecordHealingAction("heal-2", HealingKind.DEAD_LETTER_GIVEN_UP, "worlds sequence w-1",
                        "failed 8 retries; left to operators", HealingOutcome.GAVE_UP, 1, Actor.system()))
                .expectEvents(new HealingActionRecorded("heal-2", HealingKind.DEAD_LETTER_GIVEN_UP, "worlds sequence w-1",
                        "failed 8 retries; left to operators", HealingOutcome.GAVE_UP, 1));
    }

    @Test
    void noPersonRecordsAHealingAction() {
        fixture.givenNoPriorActivity()
                .when(new RecordHealingAction("heal-3", HealingKind.PROCESSOR_RESTART, "worlds", "restarted",
                        HealingOutcome.HEALED, 1, ADMIN))
                .expectException(Rejected.forbidden("role:system"));
    }

    @Test
    void theRecordNamesItsKindSubjectAndOutcome() {
        fixture.givenNoPriorActivity()
                .when(new RecordHealingAction("heal-4", null, "worlds", "restarted", HealingOutcome.HEALED, 1, Actor.system()))
                .expectException(Rejected.invalid("kind", "required"));
        fixture.givenNoPriorActivity()
                .when(new RecordHealingAction("heal-5", HealingKind.PROCESSOR_RESTART, " ", "restarted", HealingOutcome.HEALED, 1,
                        Actor.system()))
                .expectException(Rejected.invalid("subject", "required"));
        fixture.givenNoPriorActivity()
                .when(new RecordHealingAction("heal-6", HealingKind.PROCESSOR_RESTART, "worlds", "restarted", null, 1,
                        Actor.system()))
                .expectException(Rejected.invalid("outcome", "required"));
    }

    @Test
    void aCountBelowOneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordHealingAction("heal-7", HealingKind.FAILOVER, "narrator", "answered instead",
                        HealingOutcome.HEALED, 0, Actor.system()))
                .expectException(Rejected.invalid("occurrences", "range:1.." + HealingAction.MAX_OCCURRENCES));
    }
}
