package io.storyteller.command.narration.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.budget.BudgetDecision;
import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.BudgetPeriod;
import io.storyteller.domain.budget.BudgetStanding;
import io.storyteller.domain.budget.FindNarratorPrices;
import io.storyteller.domain.budget.NarratorPrices;
import io.storyteller.domain.budget.NarratorPrices.PricedNarrator;
import io.storyteller.domain.budget.WhenExhausted;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationArm;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TurnBudgetsTest {

    static final Instant NOW = Instant.parse("2026-03-14T15:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final String PAID = "narrator:world:w1";
    static final String HOUSE = "narrator:global";
    static final ModelRef GPT = new ModelRef("openai:gpt", "1");
    static final ModelRef HOUSE_MODEL = new ModelRef("house:w1", "3");
    static final TokenPrice GPT_PRICE = new TokenPrice(new BigDecimal("2"), new BigDecimal("8"), "USD");

    final AtomicReference<BudgetStanding> stored = new AtomicReference<>();
    final List<PricedNarrator> narrators = new ArrayList<>(List.of(new PricedNarrator(PAID, GPT, GPT_PRICE),
            new PricedNarrator(HOUSE, HOUSE_MODEL, TokenPrice.zero())));
    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    TurnBudgets budgets;

    @BeforeEach
    void setUp() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new Object() {
            @QueryHandler
            NarratorPrices answer(FindNarratorPrices query) {
                return new NarratorPrices(narrators, Map.of(GPT.modelId(), GPT_PRICE, HOUSE_MODEL.modelId(), TokenPrice.zero()));
            }
        }).subscribe(bus);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        budgets = new TurnBudgets(new SpendLedger((world, day) -> stored.get(), Duration.ofSeconds(10), clock),
                new PriceBook(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(1),
                        Duration.ofSeconds(10), clock));
    }

    @Test
    void withinItsLimitsATurnGoesAsRouted() {
        stored.set(standing(limits("1", null, WhenExhausted.REFUSE), null, "0.99", "0.99"));

        BudgetRuling ruling = budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT)));

        assertThat(ruling.refused()).isFalse();
        assertThat(ruling.decision()).isNull();
        assertThat(ruling.choices()).extracting(choice -> choice.route().deploymentId()).containsExactly(PAID);
    }

    @Test
    void pastARefusingLimitTheTurnIsRefusedNamingTheBudget() {
        stored.set(standing(limits("1", null, WhenExhausted.REFUSE), null, "1.2", "1.2"));

        BudgetRuling ruling = budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT)));

        assertThat(ruling.refused()).isTrue();
        assertThat(ruling.choices()).isEmpty();
        assertThat(ruling.refusal()).contains("the daily budget of world w1 (1 USD) is spent").contains("1.2 USD so far")
                .contains("00:00 UTC");
        assertThat(ruling.decision()).isEqualTo(new BudgetDecision("world:w1", BudgetPeriod.DAY, new BigDecimal("1"),
                new BigDecimal("1.2"), WhenExhausted.REFUSE, "refused"));
    }

    @Test
    void pastACheaperLimitTheCheapestNarratorTakesOver() {
        stored.set(standing(limits("1", null, WhenExhausted.CHEAPER), null, "1", "1"));

        BudgetRuling ruling = budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT)));

        assertThat(ruling.refused()).isFalse();
        assertThat(ruling.choices()).extracting(RouteChoice::serving).containsExactly(HOUSE_MODEL);
        assertThat(ruling.choices()).extracting(choice -> choice.route().deploymentId()).containsExactly(HOUSE);
        assertThat(ruling.decision().action()).isEqualTo(WhenExhausted.CHEAPER);
        assertThat(ruling.decision().outcome()).isEqualTo("narrated by narrator:global (0 USD per million tokens in and out)"
                + " instead of narrator:world:w1");
        assertThat(ruling.limited()).isTrue();
    }

    @Test
    void withNothingCheaperACheaperLimitRefuses() {
        narrators.removeIf(n -> n.deploymentId().equals(HOUSE));
        stored.set(standing(null, limits(null, "50", WhenExhausted.CHEAPER), "0", "0", "3", "50"));

        BudgetRuling ruling = budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT)));

        assertThat(ruling.refused()).isTrue();
        assertThat(ruling.refusal()).contains("the global monthly budget (50 USD) is spent")
                .contains("no cheaper narrator can serve this world").contains("first of the month");
        assertThat(ruling.decision().budget()).isEqualTo("global");
        assertThat(ruling.decision().action()).isEqualTo(WhenExhausted.REFUSE);
    }

    @Test
    void aRefusingLimitWinsOverACheaperOne() {
        stored.set(standing(limits("1", null, WhenExhausted.CHEAPER), limits("5", null, WhenExhausted.REFUSE),
                "2", "2", "6", "6"));

        BudgetRuling ruling = budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT)));

        assertThat(ruling.refused()).isTrue();
        assertThat(ruling.decision().budget()).isEqualTo("global");
    }

    @Test
    void aTurnsCandidatesArePricedAndCountAtOnce() {
        stored.set(standing(limits("0.01", null, WhenExhausted.REFUSE), null, "0", "0"));
        assertThat(budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT))).refused()).isFalse();

        // 1000 × 2 + 1000 × 8 per million = 0.01 USD, the chosen and the outranked candidate alike
        List<CandidateReport> priced = budgets.charge("w1", List.of(report(0, GPT, 500, 500, CandidateOutcome.CHOSEN),
                report(1, GPT, 500, 500, CandidateOutcome.OUTRANKED), report(2, HOUSE_MODEL, 900, 900,
                        CandidateOutcome.OUTRANKED)));

        assertThat(priced).extracting(CandidateReport::costUsd)
                .containsExactly(new BigDecimal("0.005"), new BigDecimal("0.005"), BigDecimal.ZERO);
        // the read model has not caught up yet: the engine's own sum stands
        BudgetRuling next = budgets.rule("w1", "s2", List.of(), List.of(routed(PAID, GPT)));
        assertThat(next.refused()).isTrue();
        assertThat(next.decision().spentUsd()).isEqualByComparingTo("0.01");
    }

    @Test
    void anotherInstancesSpendArrivesWithTheNextRead() {
        stored.set(standing(limits("1", null, WhenExhausted.REFUSE), null, "0.5", "0.5"));
        assertThat(budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT))).refused()).isFalse();

        stored.set(standing(limits("1", null, WhenExhausted.REFUSE), null, "1.5", "1.5"));
        assertThat(budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT))).refused())
                .as("within the refresh the engine's view stands").isFalse();
        now.set(NOW.plusSeconds(10));
        assertThat(budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT))).refused()).isTrue();
    }

    @Test
    void aNewDayStartsFromItsOwnSpend() {
        stored.set(standing(limits("1", null, WhenExhausted.REFUSE), null, "2", "2"));
        assertThat(budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT))).refused()).isTrue();

        now.set(NOW.plus(Duration.ofDays(1)));
        stored.set(new BudgetStanding(TODAY.plusDays(1), limits("1", null, WhenExhausted.REFUSE), null,
                BigDecimal.ZERO, new BigDecimal("2"), BigDecimal.ZERO, new BigDecimal("2")));
        assertThat(budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT))).refused()).isFalse();
    }

    @Test
    void whenTheLimitsCannotBeReadTheTurnGoesOn() {
        stored.set(null);

        assertThat(budgets.rule("w1", "s1", List.of(), List.of(routed(PAID, GPT))).refused()).isFalse();
    }

    private static RouteChoice routed(String deploymentId, ModelRef model) {
        return RouteChoice.of(new NarratorRoute(deploymentId, model, null), "s1");
    }

    private static CandidateReport report(int index, ModelRef model, int prompt, int completion, CandidateOutcome outcome) {
        return new CandidateReport(index, 1, PAID, NarrationArm.STABLE, null, null, model.modelId(), model.version(), "t",
                null, 10, prompt, completion, null, outcome);
    }

    private static BudgetStanding standing(BudgetLimits world, BudgetLimits global, String worldDay, String worldMonth) {
        return standing(world, global, worldDay, worldMonth, worldDay, worldMonth);
    }

    private static BudgetStanding standing(BudgetLimits world, BudgetLimits global, String worldDay, String worldMonth,
            String globalDay, String globalMonth) {
        return new BudgetStanding(TODAY, world, global, new BigDecimal(worldDay), new BigDecimal(worldMonth),
                new BigDecimal(globalDay), new BigDecimal(globalMonth));
    }

    private static BudgetLimits limits(String daily, String monthly, WhenExhausted action) {
        return new BudgetLimits(daily == null ? null : new BigDecimal(daily), monthly == null ? null : new BigDecimal(monthly),
                action);
    }
}
