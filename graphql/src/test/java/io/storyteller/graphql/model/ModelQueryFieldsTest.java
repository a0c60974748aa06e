package io.storyteller.graphql.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.model.FindModelLineage;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.LineageStep;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelLineage;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelView;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.ModelViews;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

class ModelQueryFieldsTest extends ApiTest {

    @Test
    void models_asks_FindModels_with_the_filters_for_many_model_views() {
        queries.answer(FindModels.class, query -> List.of(ModelViews.paidModel("openai:gpt-4o-mini")));

        JsonNode models = asManager("""
                { models(provider: "openai", kind: CHAT, status: ACTIVE) { id source status discoveredBy
                    spec { provider providerModelId kind capabilities contextWindow license
                           price { inputPerMillion outputPerMillion currency } }
                    versions { version addedAt evaluations { suite metrics { name value } } } } }""").at("/data/models");

        assertThat(models.at("/0/id").asText()).isEqualTo("openai:gpt-4o-mini");
        assertThat(models.at("/0/spec/price/inputPerMillion").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(models.at("/0/spec/price/outputPerMillion").decimalValue()).isEqualByComparingTo("0.60");
        assertThat(models.at("/0/versions/0/evaluations/0/metrics").findValuesAsText("name"))
                .containsExactlyInAnyOrder("rating", "errorRate");
        assertThat(queries.asked()).containsExactly(new FindModels("openai", ModelKind.CHAT, ModelStatus.ACTIVE, MANAGER));
        assertThat(queries.responseTypes()).containsExactly(ResponseTypes.multipleInstancesOf(ModelView.class));
    }

    @Test
    void model_picks_one_model_and_follows_its_lineage() {
        queries.answer(FindModels.class, query -> List.of(ModelViews.paidModel("openai:gpt-4o"),
                ModelViews.paidModel("openai:gpt-4o-mini")));
        queries.answer(FindModelLineage.class, query -> new ModelLineage(query.modelId(), List.of(
                new LineageStep(new ModelRef(query.modelId(), "2024-07-18"), ModelSource.PAID_API))));

        JsonNode data = asManager("""
                { model(id: "openai:gpt-4o-mini") { id lineage(version: "2024-07-18") { modelId chain { ref { modelId version } source } } }
                  missing: model(id: "openai:nope") { id } }""").get("data");

        assertThat(data.at("/model/id").asText()).isEqualTo("openai:gpt-4o-mini");
        assertThat(data.at("/model/lineage/chain/0/ref/version").asText()).isEqualTo("2024-07-18");
        assertThat(data.at("/missing").isNull()).isTrue();
        assertThat(queries.asked()).contains(new FindModels(null, null, null, MANAGER),
                new FindModelLineage("openai:gpt-4o-mini", "2024-07-18", MANAGER));
        assertThat(queries.responseTypes()).contains(ResponseTypes.optionalInstanceOf(ModelLineage.class));
    }
}
