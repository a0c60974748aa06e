package io.storyteller.domain.budget;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingTheGlobalBudgetTest {

    private static final Actor PLATFORM_ADMIN = new Actor("paula", Set.of(PlatformRole.PLATFORM_ADMIN));
    private static final Actor WORLD_ADMIN = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN));
    private static final Actor MODEL_MANAGER = new Actor("meta", Set.of(PlatformRole.MODEL_MANAGER));
    private static final BudgetLimits HUNDRED_A_MONTH = new BudgetLimits(null, new BigDecimal("100"), WhenExhausted.REFUSE);

    private FixtureConfiguration<GlobalBudget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GlobalBudget.class);
    }

    @Test
    void aPlatformAdminSetsTheFirstGlobalBudget() {
        fixture.givenNoPriorActivity()
                .when(new SetGlobalBudget(HUNDRED_A_MONTH, PLATFORM_ADMIN))
                .expectEvents(new GlobalBudgetSet(GlobalBudget.ID, HUNDRED_A_MONTH, PLATFORM_ADMIN.userId()));
    }

    @Test
    void andReplacesItLater() {
        BudgetLimits daily = new BudgetLimits(new BigDecimal("3.5"), new BigDecimal("100"), WhenExhausted.CHEAPER);
        fixture.given(new GlobalBudgetSet(GlobalBudget.ID, HUNDRED_A_MONTH, PLATFORM_ADMIN.userId()))
                .when(new SetGlobalBudget(daily, PLATFORM_ADMIN))
                .expectEvents(new GlobalBudgetSet(GlobalBudget.ID, daily, PLATFORM_ADMIN.userId()));
    }

    @Test
    void nobodyElseSetsOrLiftsIt() {
        for (Actor other : new Actor[] {WORLD_ADMIN, MODEL_MANAGER}) {
            fixture.givenNoPriorActivity()
                    .when(new SetGlobalBudget(HUNDRED_A_MONTH, other))
                    .expectNoEvents()
                    .expectException(Rejected.forbidden("role:platform-admin"));
            fixture.given(new GlobalBudgetSet(GlobalBudget.ID, HUNDRED_A_MONTH, PLATFORM_ADMIN.userId()))
                    .when(new ClearGlobalBudget(other))
                    .expectNoEvents()
                    .expectException(Rejected.forbidden("role:platform-admin"));
        }
    }

    @Test
    void aPlatformAdminLiftsIt() {
        fixture.given(new GlobalBudgetSet(GlobalBudget.ID, HUNDRED_A_MONTH, PLATFORM_ADMIN.userId()))
                .when(new ClearGlobalBudget(PLATFORM_ADMIN))
                .expectEvents(new GlobalBudgetCleared(GlobalBudget.ID, PLATFORM_ADMIN.userId()));
    }

    @Test
    void liftingNoBudgetChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(new ClearGlobalBudget(PLATFORM_ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void limitsAreChecked() {
        fixture.givenNoPriorActivity()
                .when(new SetGlobalBudget(new BudgetLimits(new BigDecimal("-5"), null, WhenExhausted.REFUSE), PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("budget.dailyUsd", "non-negative"));
    }
}
