package io.storyteller.command.narration.budget;

import io.storyteller.domain.budget.FindNarratorPrices;
import io.storyteller.domain.budget.NarratorPrices;
import io.storyteller.domain.model.TokenPrice;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered prices as the engine needs them ({@link FindNarratorPrices}): a model's price is kept
 * for {@code refresh}, so that pricing a turn's candidates seldom asks; a price change in the
 * registry applies within that time. The narrator deployments are asked for only when a limit is reached.
 */
class PriceBook {

    private static final Logger log = LoggerFactory.getLogger(PriceBook.class);

    private final QueryGateway queries;
    private final Duration timeout;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Price> models = new ConcurrentHashMap<>();

    PriceBook(QueryGateway queries, Duration timeout, Duration refresh, Clock clock) {
        this.queries = queries;
        this.timeout = timeout;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The narrator deployments the world may use with their prices, and the prices of {@code routedModels}; null when unread. */
    NarratorPrices narrators(String worldId, List<String> named, List<String> routedModels) {
        return ask(new FindNarratorPrices(worldId, named, routedModels));
    }

    /** The prices of the models named; a model not registered (or not priced now) is absent. */
    Map<String, TokenPrice> models(List<String> modelIds) {
        long now = clock.millis();
        List<String> wanted = modelIds.stream().filter(Objects::nonNull).distinct().toList();
        List<String> stale = wanted.stream()
                .filter(id -> !models.containsKey(id) || now - models.get(id).readAt() >= refresh.toMillis()).toList();
        if (!stale.isEmpty()) {
            NarratorPrices read = ask(new FindNarratorPrices(null, List.of(), stale));
            if (read != null) {
                stale.forEach(id -> models.put(id, new Price(read.models().get(id), now)));
            }
        }
        Map<String, TokenPrice> found = new HashMap<>();
        wanted.forEach(id -> {
            Price price = models.get(id);
            if (price != null && price.price() != null) {
                found.put(id, price.price());
            }
        });
        return found;
    }

    private NarratorPrices ask(FindNarratorPrices query) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(NarratorPrices.class))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log.warn("Could not read model prices: {}", e.toString());
            return null;
        }
    }

    private record Price(TokenPrice price, long readAt) {
    }
}
