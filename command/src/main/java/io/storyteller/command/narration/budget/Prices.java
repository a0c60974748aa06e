package io.storyteller.command.narration.budget;

import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.CandidateReport;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Token arithmetic: what a call cost, and how prices compare. Pure. */
final class Prices {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Prices() {
    }

    /** Tokens times the price per million, in USD to 12 decimals (a token of the cheapest model counts). */
    static BigDecimal cost(TokenPrice price, long promptTokens, long completionTokens) {
        if (price == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal perMillion = price.inputPerMillion().multiply(BigDecimal.valueOf(Math.max(0, promptTokens)))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(Math.max(0, completionTokens))));
        BigDecimal cost = perMillion.divide(MILLION, 12, RoundingMode.HALF_UP).stripTrailingZeros();
        return cost.signum() == 0 ? BigDecimal.ZERO : cost.scale() < 0 ? cost.setScale(0) : cost;
    }

    static BigDecimal cost(TokenPrice price, CandidateReport call) {
        return cost(price, call.promptTokens(), call.completionTokens());
    }

    /** One figure to rank deployments by: input and output price per million together. */
    static BigDecimal blended(TokenPrice price) {
        return price == null ? BigDecimal.ZERO : price.inputPerMillion().add(price.outputPerMillion());
    }
}
