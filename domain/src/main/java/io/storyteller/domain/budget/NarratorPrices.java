package io.storyteller.domain.budget;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.TokenPrice;
import java.util.List;
import java.util.Map;

/**
 * The narrator deployments a world may use, each with its stable model's price, and the prices of
 * the models asked for (a model not registered is absent: it is priced at zero).
 */
public record NarratorPrices(List<PricedNarrator> narrators,
        Map<String, TokenPrice> models) {

    public NarratorPrices {
        narrators = narrators == null ? List.of() : List.copyOf(narrators);
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    /** A narrator deployment, the stable model version it serves and what that costs. */
    public record PricedNarrator(String deploymentId, ModelRef stable, TokenPrice price) {
    }
}
