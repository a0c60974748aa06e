package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelEvaluationView;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * What the model registry knows of Hub models ({@code huggingface:<repo>}): their evaluation
 * scores, for ranking, and their newest versions, for lineage.
 */
class HubRegistry {

    static final String PROVIDER = "huggingface";
    /** The metrics read as a model's score, in this order: a suite's own score, else the replay's quality. */
    static final List<String> SCORE_METRICS = List.of("score", "quality");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final QueryGateway queries;

    HubRegistry(QueryGateway queries) {
        this.queries = queries;
    }

    static String modelId(String repo) {
        return PROVIDER + ":" + repo;
    }

    /** The latest evaluation with a score of any version, by repository id. */
    Map<String, Double> scores() {
        Map<String, Double> scores = new HashMap<>();
        for (ModelView model : models()) {
            model.versions().stream().flatMap(v -> v.evaluations().stream())
                    .filter(e -> score(e) != null)
                    .max(Comparator.comparing(ModelEvaluationView::evaluatedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .ifPresent(e -> scores.put(model.modelId().substring(PROVIDER.length() + 1), score(e)));
        }
        return scores;
    }

    /** The newest version of the Hub model of {@code repo}, if the registry has one. */
    Optional<ModelRef> newestVersion(String repo) {
        String id = modelId(repo);
        return models().stream().filter(m -> m.modelId().equals(id)).findFirst()
                .flatMap(m -> m.versions().stream().max(Comparator.comparing(ModelVersionView::addedAt,
                        Comparator.nullsFirst(Comparator.naturalOrder()))))
                .map(v -> new ModelRef(id, v.version()));
    }

    private List<ModelView> models() {
        try {
            return queries.query(new FindModels(PROVIDER, null, null, Actor.system()),
                    ResponseTypes.multipleInstancesOf(ModelView.class)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnavailableException("interrupted while reading the registry", true);
        } catch (Exception e) {
            throw new HubUnavailableException("the model registry could not be read", true);
        }
    }

    private static Double score(ModelEvaluationView evaluation) {
        return SCORE_METRICS.stream().map(evaluation.metrics()::get).filter(v -> v != null).findFirst().orElse(null);
    }
}
