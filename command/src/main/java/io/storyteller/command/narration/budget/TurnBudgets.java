package io.storyteller.command.narration.budget;

import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.budget.BudgetDecision;
import io.storyteller.domain.budget.BudgetPeriod;
import io.storyteller.domain.budget.BudgetStanding;
import io.storyteller.domain.budget.FindBudgetStanding;
import io.storyteller.domain.budget.NarratorPrices;
import io.storyteller.domain.budget.NarratorPrices.PricedNarrator;
import io.storyteller.domain.budget.WhenExhausted;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.RecordShadowNarration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spend limits on the narration path. Before a turn is generated, {@link #rule} checks the
 * world's and the global spend (today, this month; UTC) against the limits from the engine's
 * in-memory {@link SpendLedger}: within them the turn goes as routed; past one that says
 * {@link WhenExhausted#CHEAPER} its candidates come from the cheapest narrator deployment(s) the world
 * may use, when that is cheaper than its route; otherwise it is refused. After the turn,
 * {@link #charge} prices its candidates at their models' registered prices (the cost its events
 * carry) and adds them to the ledger.
 */
public class TurnBudgets {

    private static final Logger log = LoggerFactory.getLogger(TurnBudgets.class);

    private final SpendLedger ledger;
    private final PriceBook prices;

    public TurnBudgets(QueryGateway queries, BudgetProperties properties, Clock clock) {
        this.prices = new PriceBook(queries, properties.timeout(), properties.refresh(), clock);
        this.ledger = new SpendLedger((worldId, day) -> standing(queries, properties, worldId, day),
                properties.refresh(), clock);
    }

    TurnBudgets(SpendLedger ledger, PriceBook prices) {
        this.ledger = ledger;
        this.prices = prices;
    }

    /** What the limits make of a turn of {@code worldId} routed to {@code choices} (empty: the configured narrator). */
    public BudgetRuling rule(String worldId, String storyId, List<String> named, List<RouteChoice> choices) {
        Exhaustion reached = Exhaustion.of(worldId, ledger.standing(worldId)).orElse(null);
        if (reached == null) {
            return BudgetRuling.within(choices);
        }
        if (reached.action() == WhenExhausted.REFUSE) {
            return refuse(reached, "refused", "");
        }
        List<String> routedModels = choices.stream().map(choice -> choice.serving().modelId()).toList();
        NarratorPrices priced = prices.narrators(worldId, named, routedModels);
        if (priced == null) {
            return refuse(reached, "refused: the narrators' prices could not be read", "; no cheaper narrator could be found");
        }
        BigDecimal routed = routedModels.stream().map(model -> Prices.blended(priced.models().get(model)))
                .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        if (routed.signum() == 0) {
            return new BudgetRuling(choices, decision(reached, WhenExhausted.CHEAPER,
                    "narrated as routed: its narrator costs nothing"), null);
        }
        BigDecimal cheapest = priced.narrators().stream().map(n -> Prices.blended(n.price()))
                .min(Comparator.naturalOrder()).orElse(null);
        if (cheapest == null || cheapest.compareTo(routed) >= 0) {
            return refuse(reached, "refused: no cheaper narrator deployment serves the world",
                    "; no cheaper narrator can serve this world");
        }
        List<PricedNarrator> cheaper = priced.narrators().stream()
                .filter(n -> Prices.blended(n.price()).compareTo(cheapest) == 0).toList();
        String names = String.join(", ", cheaper.stream().map(PricedNarrator::deploymentId).toList());
        String was = String.join(", ", choices.stream().map(choice -> choice.route().deploymentId()).distinct().toList());
        return new BudgetRuling(cheaper.stream()
                .map(n -> RouteChoice.of(new NarratorRoute(n.deploymentId(), n.stable(), null), storyId)).toList(),
                decision(reached, WhenExhausted.CHEAPER, "narrated by " + names + " (" + cheapest.toPlainString()
                        + " USD per million tokens in and out) instead of " + was), null);
    }

    /** The candidates priced at their models' registered prices; their cost is added to the world's spend. */
    public List<CandidateReport> charge(String worldId, List<CandidateReport> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        Map<String, io.storyteller.domain.model.TokenPrice> book = prices.models(reports.stream()
                .map(CandidateReport::model).toList());
        List<CandidateReport> priced = reports.stream()
                .map(report -> report.priced(Prices.cost(book.get(report.model()), report))).toList();
        ledger.spent(worldId, priced.stream().map(CandidateReport::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
        return priced;
    }

    /** A shadow call priced alike: it was paid for too. */
    public RecordShadowNarration charge(String worldId, RecordShadowNarration shadow) {
        NarrationProvenance provenance = shadow.provenance();
        if (provenance == null || provenance.candidates().isEmpty()) {
            return shadow;
        }
        NarrationProvenance priced = provenance.judged(charge(worldId, provenance.candidates()), provenance.selection(),
                provenance.sources());
        return new RecordShadowNarration(shadow.storyId(), shadow.requestId(), shadow.text(), shadow.failureReason(), priced);
    }

    private static BudgetRuling refuse(Exhaustion reached, String outcome, String more) {
        BudgetDecision decision = decision(reached, WhenExhausted.REFUSE, outcome);
        String resets = reached.period() == BudgetPeriod.DAY ? "at 00:00 UTC" : "on the first of the month (UTC)";
        return new BudgetRuling(List.of(), decision, "Narration refused: " + decision.described() + " is spent ("
                + reached.spent().setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " USD so far)" + more + ". It resets " + resets + ".");
    }

    private static BudgetDecision decision(Exhaustion reached, WhenExhausted action, String outcome) {
        return new BudgetDecision(reached.budget(), reached.period(), reached.limit(), reached.spent(), action, outcome);
    }

    private static BudgetStanding standing(QueryGateway queries, BudgetProperties properties, String worldId,
            LocalDate day) {
        try {
            return queries.query(new FindBudgetStanding(worldId, day), ResponseTypes.instanceOf(BudgetStanding.class))
                    .get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            // the limits cannot be read: the turn goes on with the view the engine had (none at first)
            log.warn("Could not read the spend limits of world {}: {}", worldId, e.toString());
            return null;
        }
    }
}
