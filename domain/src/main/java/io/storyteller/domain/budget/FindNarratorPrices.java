package io.storyteller.domain.budget;

import java.util.List;

/**
 * Asks, for the narration engine, what the narrator deployments a world may use cost: the global
 * narrator slot, the world's own and those {@code named} (its narration policy's), each with its
 * stable model's registered price (zero for a model run in house). Also prices the models
 * {@code models} names, for costing a turn's candidates. Answers {@link NarratorPrices}.
 */
public record FindNarratorPrices(String worldId,
        List<String> named,
        List<String> models) {

    public FindNarratorPrices {
        named = named == null ? List.of() : List.copyOf(named);
        models = models == null ? List.of() : List.copyOf(models);
    }
}
