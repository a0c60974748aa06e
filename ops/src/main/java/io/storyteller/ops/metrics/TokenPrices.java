package io.storyteller.ops.metrics;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a model call cost, in USD. */
@FunctionalInterface
interface TokenPrices {

    double costUsd(String modelId, int promptTokens, int completionTokens);

    /**
     * Priced like the rollout metrics are ({@code narration_outcomes.cost}): tokens times the model's
     * registered {@code TokenPrice} from the {@code models} read model; zero for a model not (yet)
     * registered, as for house models.
     */
    static TokenPrices registered(JdbcClient jdbc) {
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        return (modelId, promptTokens, completionTokens) -> {
            if (modelId == null || modelId.isBlank() || promptTokens + completionTokens <= 0) {
                return 0;
            }
            return jdbc.sql("""
                            SELECT (CAST(:prompt AS numeric) * price_input_per_million
                                    + CAST(:completion AS numeric) * price_output_per_million)
                            FROM models WHERE model_id = :model""")
                    .param("prompt", Math.max(0, promptTokens))
                    .param("completion", Math.max(0, completionTokens))
                    .param("model", modelId)
                    .query(BigDecimal.class)
                    .optional()
                    .map(perMillion -> perMillion.divide(million).doubleValue())
                    .orElse(0.0);
        };
    }
}
