package io.storyteller.query.model;

import static io.storyteller.projections.support.ModelManagementEvents.EMBEDDER;
import static io.storyteller.projections.support.ModelManagementEvents.GPT;
import static io.storyteller.projections.support.ModelManagementEvents.GPT_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V2;
import static io.storyteller.query.model.ModelPlatform.MIA;
import static io.storyteller.query.model.ModelPlatform.NOIR_V1;
import static io.storyteller.query.model.ModelPlatform.OLGA;
import static io.storyteller.query.model.ModelPlatform.PIA;
import static io.storyteller.query.model.ModelPlatform.ROOT;
import static io.storyteller.query.model.ModelPlatform.SYSTEM;
import static io.storyteller.query.model.ModelPlatform.TUNED;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.FindModelLineage;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.LineageStep;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelLineage;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry's queries over {@link ModelPlatform}. */
class ModelQueriesTest {

    static ReadModelDatabase db;
    static ModelQueries models;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        ModelPlatform.load(db.jdbc(), SimpleQueryUpdateEmitter.builder().build());
        models = new ModelQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    static Stream<Arguments> readers() {
        return Stream.of(Arguments.of(ROOT, true), Arguments.of(SYSTEM, true), Arguments.of(MIA, true),
                Arguments.of(OLGA, false), Arguments.of(PIA, false), Arguments.of(null, false));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void onlyThoseWhoManageModelsSeeTheRegistry(Actor viewer, boolean sees) {
        assertThat(models.handle(new FindModels(null, null, null, viewer))).hasSize(sees ? 5 : 0);
        assertThat(models.handle(new FindModelLineage(TUNED, null, viewer)).isPresent()).isEqualTo(sees);
    }

    @Test
    void modelsAreFilteredByProviderKindAndStatus() {
        assertThat(ids(new FindModels(null, null, null, MIA)))
                .containsExactly("house:w1", "narrator-noir", EMBEDDER, GPT, TUNED);
        assertThat(ids(new FindModels("openai", null, null, MIA))).containsExactly("narrator-noir", GPT);
        assertThat(ids(new FindModels(null, ModelKind.EMBEDDING, null, MIA))).containsExactly(EMBEDDER);
        assertThat(ids(new FindModels(null, null, ModelStatus.RETIRED, MIA))).containsExactly(EMBEDDER);
        assertThat(ids(new FindModels("openai", ModelKind.CHAT, ModelStatus.ACTIVE, MIA)))
                .containsExactly("narrator-noir", GPT);
        assertThat(ids(new FindModels("nobody", null, null, MIA))).isEmpty();
    }

    @Test
    void aModelShowsItsVersionsWithTheirEvaluationsAndLineage() {
        ModelView house = only(HOUSE);
        assertThat(house.source()).isEqualTo(ModelSource.HOUSE_TRAINED);
        assertThat(house.versions()).extracting(v -> v.version() + "<" + v.derivedFrom())
                .containsExactly("1<null", "2<" + HOUSE_V1);
        assertThat(house.versions().get(1).trainingDataRange()).isEqualTo("0..199");
        assertThat(house.versions()).extracting(ModelVersionView::training).containsOnlyNulls();
        assertThat(only(TUNED).versions().getFirst().training()).isEqualTo(ModelPlatform.TUNED_TRAINING);

        ModelView gpt = only(GPT);
        assertThat(gpt.discoveredBy()).isEqualTo("openai-catalogue");
        assertThat(gpt.spec().price().outputPerMillion()).isEqualByComparingTo("0.60");
        assertThat(gpt.versions().getFirst().evaluations()).singleElement()
                .satisfies(e -> assertThat(e.metrics()).isEqualTo(Map.of("rating", 4.1)));

        ModelView noir = only(NOIR_V1.modelId());
        assertThat(noir.variant().base()).isEqualTo(GPT_V1);
        assertThat(noir.variant().systemPrompt()).isEqualTo("Speak in noir.");
        assertThat(noir.variant().sampling()).isNull();

        ModelView embedder = only(EMBEDDER);
        assertThat(embedder.status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(embedder.retiredReason()).isEqualTo("replaced");
        assertThat(embedder.versions()).isEmpty();
    }

    @Test
    void aLineageFollowsFineTunesAndVariantsBackToTheRoot() {
        ModelLineage tuned = models.handle(new FindModelLineage(TUNED, null, MIA)).orElseThrow();
        assertThat(tuned.chain()).containsExactly(
                new LineageStep(new ModelRef(TUNED, "1"), ModelSource.FINE_TUNED, ModelPlatform.TUNED_TRAINING),
                new LineageStep(NOIR_V1, ModelSource.VARIANT),
                new LineageStep(GPT_V1, ModelSource.PAID_API));

        assertThat(models.handle(new FindModelLineage(HOUSE, "2", MIA)).orElseThrow().chain())
                .extracting(LineageStep::ref).containsExactly(HOUSE_V2, HOUSE_V1);
        assertThat(models.handle(new FindModelLineage(HOUSE, null, MIA)).orElseThrow().chain())
                .extracting(LineageStep::ref).containsExactly(HOUSE_V2, HOUSE_V1);
        assertThat(models.handle(new FindModelLineage(EMBEDDER, null, MIA)).orElseThrow().chain()).isEmpty();
        assertThat(models.handle(new FindModelLineage("nope", null, MIA))).isEmpty();
    }

    private static List<String> ids(FindModels query) {
        return models.handle(query).stream().map(ModelView::modelId).toList();
    }

    private static ModelView only(String modelId) {
        return models.handle(new FindModels(null, null, null, ROOT)).stream()
                .filter(m -> m.modelId().equals(modelId)).findFirst().orElseThrow();
    }
}
