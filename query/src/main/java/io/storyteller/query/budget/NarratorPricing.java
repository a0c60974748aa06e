package io.storyteller.query.budget;

import io.storyteller.domain.budget.FindNarratorPrices;
import io.storyteller.domain.budget.NarratorPrices;
import io.storyteller.domain.budget.NarratorPrices.PricedNarrator;
import io.storyteller.domain.deployment.DeploymentIds;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.projections.schema.Columns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prices what may narrate in a world, for the narration engine: the global narrator slot, the
 * world's own and the ones its policy names, each at its stable model's registered price, and the
 * models a turn's candidates came from. A model run in house ({@link ModelSource#runsInHouse}) costs
 * nothing whatever price it was registered with; a model not registered is left out (priced at zero).
 */
@Component
public class NarratorPricing {

    private static final String PRICE = """
            CASE WHEN m.source IN (%s) THEN 0 ELSE m.price_input_per_million END AS input,
            CASE WHEN m.source IN (%s) THEN 0 ELSE m.price_output_per_million END AS output""".formatted(inHouse(), inHouse());

    private final JdbcClient jdbc;

    public NarratorPricing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public NarratorPrices handle(FindNarratorPrices query) {
        Set<String> slots = new LinkedHashSet<>();
        slots.add(DeploymentIds.of(UseCase.NARRATOR, null));
        if (query.worldId() != null && !query.worldId().isBlank()) {
            slots.add(DeploymentIds.of(UseCase.NARRATOR, query.worldId()));
        }
        query.named().stream().filter(id -> id != null && id.startsWith(UseCase.NARRATOR.key() + ":")).forEach(slots::add);
        List<PricedNarrator> narrators = new ArrayList<>(jdbc.sql("""
                        SELECT d.deployment_id, d.stable_model_id, d.stable_version, %s
                        FROM deployments d LEFT JOIN models m ON m.model_id = d.stable_model_id
                        WHERE d.deployment_id = ANY(:slots) AND d.use_case = 'NARRATOR'
                        ORDER BY d.deployment_id""".formatted(PRICE))
                .param("slots", Columns.textArray(List.copyOf(slots)))
                .query((rs, row) -> new PricedNarrator(rs.getString("deployment_id"),
                        new ModelRef(rs.getString("stable_model_id"), rs.getString("stable_version")), price(rs)))
                .list());
        Map<String, TokenPrice> models = new HashMap<>();
        if (!query.models().isEmpty()) {
            jdbc.sql("SELECT m.model_id, " + PRICE + " FROM models m WHERE m.model_id = ANY(:models)")
                    .param("models", Columns.textArray(query.models()))
                    .query(rs -> {
                        models.put(rs.getString("model_id"), price(rs));
                    });
        }
        return new NarratorPrices(narrators, models);
    }

    private static TokenPrice price(ResultSet rs) throws SQLException {
        BigDecimal input = rs.getBigDecimal("input");
        BigDecimal output = rs.getBigDecimal("output");
        return input == null || output == null ? TokenPrice.zero() : new TokenPrice(input, output, TokenPrice.USD);
    }

    private static String inHouse() {
        return String.join(", ", java.util.Arrays.stream(ModelSource.values()).filter(ModelSource::runsInHouse)
                .map(source -> "'" + source.name() + "'").toList());
    }
}
