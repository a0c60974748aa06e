package io.storyteller.domain.model;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.math.BigDecimal;

/** What a provider bills per million input and output tokens, in US dollars; zero when run in house. */
public record TokenPrice(BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        String currency) {

    public static final String USD = "USD";

    public static TokenPrice zero() {
        return new TokenPrice(BigDecimal.ZERO, BigDecimal.ZERO, USD);
    }

    /** Whether any token is billed. */
    public boolean charges() {
        return inputPerMillion.signum() > 0 || outputPerMillion.signum() > 0;
    }

    public TokenPrice validated(String field) {
        BigDecimal input = Quantities.nonNegative(field + ".inputPerMillion", inputPerMillion);
        BigDecimal output = Quantities.nonNegative(field + ".outputPerMillion", outputPerMillion);
        String code = Require.text(field + ".currency", currency, 3);
        if (!USD.equals(code)) {
            throw DomainRejection.invalid(field + ".currency", "currency:USD", "prices are kept in USD, not " + code);
        }
        return new TokenPrice(input, output, code);
    }
}
