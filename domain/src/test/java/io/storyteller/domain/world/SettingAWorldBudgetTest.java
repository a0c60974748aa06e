package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.ADMIN;
import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.world.WorldExamples.PLAYER;
import static io.storyteller.domain.world.WorldExamples.STRANGER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;

import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.WhenExhausted;
import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingAWorldBudgetTest {

    private static final BudgetLimits FIVE_A_DAY = limits("5", null, WhenExhausted.CHEAPER);

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void aPlatformAdminSetsAWorldsBudget() {
        fixture.given(founded())
                .when(new SetWorldBudget(WORLD_ID, FIVE_A_DAY, PLATFORM_ADMIN))
                .expectEvents(new WorldBudgetSet(WORLD_ID, FIVE_A_DAY, PLATFORM_ADMIN.userId()));
    }

    @Test
    void aPlatformAdminMayRaiseIt() {
        BudgetLimits more = limits("50", "500", WhenExhausted.CHEAPER);
        fixture.given(founded(new WorldBudgetSet(WORLD_ID, limits("5", null, WhenExhausted.REFUSE), OWNER.userId())))
                .when(new SetWorldBudget(WORLD_ID, more, PLATFORM_ADMIN))
                .expectEvents(new WorldBudgetSet(WORLD_ID, more, PLATFORM_ADMIN.userId()));
    }

    @Test
    void theWorldsAdminsMayPutAFirstLimitOrLowerIt() {
        BudgetLimits lower = limits("2", "40", WhenExhausted.REFUSE);
        fixture.given(founded(new WorldBudgetSet(WORLD_ID, FIVE_A_DAY, PLATFORM_ADMIN.userId())))
                .when(new SetWorldBudget(WORLD_ID, lower, ADMIN))
                .expectEvents(new WorldBudgetSet(WORLD_ID, lower, ADMIN.userId()));
        fixture.given(founded())
                .when(new SetWorldBudget(WORLD_ID, FIVE_A_DAY, OWNER))
                .expectEvents(new WorldBudgetSet(WORLD_ID, FIVE_A_DAY, OWNER.userId()));
    }

    @Test
    void theWorldsAdminsMayNotLoosenIt() {
        var set = new WorldBudgetSet(WORLD_ID, limits("5", "100", WhenExhausted.REFUSE), PLATFORM_ADMIN.userId());
        expectLowerOnly(set, limits("6", "100", WhenExhausted.REFUSE));
        expectLowerOnly(set, limits("5", null, WhenExhausted.REFUSE));
        expectLowerOnly(set, limits("5", "100", WhenExhausted.CHEAPER));
    }

    @Test
    void playersAndStrangersMayNotSetIt() {
        fixture.given(founded())
                .when(new SetWorldBudget(WORLD_ID, FIVE_A_DAY, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
        fixture.given(founded())
                .when(new SetWorldBudget(WORLD_ID, FIVE_A_DAY, STRANGER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void onlyAPlatformAdminLiftsIt() {
        fixture.given(founded(new WorldBudgetSet(WORLD_ID, FIVE_A_DAY, PLATFORM_ADMIN.userId())))
                .when(new ClearWorldBudget(WORLD_ID, OWNER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:platform-admin"));
        fixture.given(founded(new WorldBudgetSet(WORLD_ID, FIVE_A_DAY, PLATFORM_ADMIN.userId())))
                .when(new ClearWorldBudget(WORLD_ID, PLATFORM_ADMIN))
                .expectEvents(new WorldBudgetCleared(WORLD_ID, PLATFORM_ADMIN.userId()));
    }

    @Test
    void liftingNoBudgetChangesNothing() {
        fixture.given(founded(new WorldBudgetSet(WORLD_ID, FIVE_A_DAY, PLATFORM_ADMIN.userId()),
                        new WorldBudgetCleared(WORLD_ID, PLATFORM_ADMIN.userId())))
                .when(new ClearWorldBudget(WORLD_ID, PLATFORM_ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anArchivedWorldTakesNoBudget() {
        fixture.given(founded(new WorldArchived(WORLD_ID, OWNER.userId())))
                .when(new SetWorldBudget(WORLD_ID, FIVE_A_DAY, PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("worldId", "not-archived"));
    }

    @Test
    void everyFieldHasItsRule() {
        expectInvalid(limits("-1", null, WhenExhausted.REFUSE), "budget.dailyUsd", "non-negative");
        expectInvalid(limits(null, "-0.01", WhenExhausted.REFUSE), "budget.monthlyUsd", "non-negative");
        expectInvalid(limits(null, null, WhenExhausted.REFUSE), "budget", "any-limit");
        expectInvalid(limits("1", null, null), "budget.whenExhausted", "required");
        expectInvalid(limits("0.0000001", null, WhenExhausted.REFUSE), "budget.dailyUsd", "scale:6");
        expectInvalid(limits("2000000000", null, WhenExhausted.REFUSE), "budget.dailyUsd", "max:1000000000");
        fixture.given(founded())
                .when(new SetWorldBudget(WORLD_ID, null, PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("budget", "required"));
    }

    @Test
    void aZeroLimitIsAllowed() {
        BudgetLimits nothing = limits("0", null, WhenExhausted.CHEAPER);
        fixture.given(founded())
                .when(new SetWorldBudget(WORLD_ID, nothing, PLATFORM_ADMIN))
                .expectEvents(new WorldBudgetSet(WORLD_ID, new BudgetLimits(BigDecimal.ZERO, null, WhenExhausted.CHEAPER),
                        PLATFORM_ADMIN.userId()));
    }

    private void expectLowerOnly(WorldBudgetSet current, BudgetLimits wanted) {
        fixture.given(founded(current))
                .when(new SetWorldBudget(WORLD_ID, wanted, OWNER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("lower-only"));
    }

    private void expectInvalid(BudgetLimits limits, String field, String rule) {
        fixture.given(founded())
                .when(new SetWorldBudget(WORLD_ID, limits, PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }

    static BudgetLimits limits(String daily, String monthly, WhenExhausted whenExhausted) {
        return new BudgetLimits(daily == null ? null : new BigDecimal(daily), monthly == null ? null : new BigDecimal(monthly),
                whenExhausted);
    }
}
