package io.storyteller.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UseCaseTest {

    @Test
    void onlyChatModelsNarrate() {
        assertThat(UseCase.NARRATOR.accepts(ModelKind.CHAT)).isTrue();
        assertThat(UseCase.NARRATOR.accepts(ModelKind.CLASSIFIER)).isFalse();
        assertThat(UseCase.NARRATOR.accepts(ModelKind.EMBEDDING)).isFalse();
    }

    @Test
    void judgesAndGuardsAreClassifiersOrChatModels() {
        for (UseCase useCase : new UseCase[] {UseCase.REVIEWER, UseCase.DETECTOR, UseCase.GUARDRAIL}) {
            assertThat(useCase.accepts(ModelKind.CHAT)).isTrue();
            assertThat(useCase.accepts(ModelKind.CLASSIFIER)).isTrue();
            assertThat(useCase.accepts(ModelKind.EMBEDDING)).isFalse();
        }
    }

    @Test
    void onlyEmbeddingModelsEmbed() {
        assertThat(UseCase.EMBEDDER.accepts(ModelKind.EMBEDDING)).isTrue();
        assertThat(UseCase.EMBEDDER.accepts(ModelKind.CHAT)).isFalse();
        assertThat(UseCase.EMBEDDER.accepts(ModelKind.CLASSIFIER)).isFalse();
    }

    @Test
    void aUseCaseIsKeyedInLowerCase() {
        assertThat(UseCase.GUARDRAIL.key()).isEqualTo("guardrail");
    }

    @Test
    void onlyModelsRunInHouseAreFreeAndOnlyThoseWhoseFilesWeHoldNeedArtifacts() {
        assertThat(ModelSource.PAID_API.runsInHouse()).isFalse();
        assertThat(ModelSource.FINE_TUNED.runsInHouse()).isFalse();
        assertThat(ModelSource.SELF_HOSTED.runsInHouse()).isTrue();
        assertThat(ModelSource.SELF_HOSTED.holdsFiles()).isFalse();
        assertThat(ModelSource.DOWNLOADED.holdsFiles()).isTrue();
        assertThat(ModelSource.HOUSE_TRAINED.holdsFiles()).isTrue();
        assertThat(ModelSource.VARIANT.holdsFiles()).isFalse();
    }
}
