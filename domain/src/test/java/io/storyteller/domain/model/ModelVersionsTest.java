package io.storyteller.domain.model;

import static io.storyteller.domain.model.ModelExamples.ADMIN;
import static io.storyteller.domain.model.ModelExamples.CLAUDE;
import static io.storyteller.domain.model.ModelExamples.LLAMA;
import static io.storyteller.domain.model.ModelExamples.MANAGER;
import static io.storyteller.domain.model.ModelExamples.PLAYER;
import static io.storyteller.domain.model.ModelExamples.WORLD_ADMIN;
import static io.storyteller.domain.model.ModelExamples.artifact;
import static io.storyteller.domain.model.ModelExamples.claude;
import static io.storyteller.domain.model.ModelExamples.llama;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelVersionsTest {

    private static final ModelRef LLAMA_31 = new ModelRef(LLAMA, "3.1");

    private FixtureConfiguration<Model> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Model.class);
    }

    @Test
    void anApiModelGainsAVersionWithoutFiles() {
        fixture.given(claude())
                .when(new AddModelVersion(CLAUDE, "2025-10", null, null, null, Actor.system()))
                .expectEvents(new ModelVersionAdded(CLAUDE, "2025-10", null, null, null, "system"));
    }

    @Test
    void aFineTunedVersionRecordsItsLineageAndTrainingData() {
        ModelRef origin = new ModelRef(CLAUDE, "2025-09");
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, " 3.1-ft1 ", artifact(), origin, " events 0..120000 ", MANAGER))
                .expectEvents(new ModelVersionAdded(LLAMA, "3.1-ft1", artifact(), origin, "events 0..120000", MANAGER.userId()));
    }

    @Test
    void aVersionMayDeriveFromAnotherVersionOfTheSameModel() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), LLAMA_31, null, ADMIN))
                .expectEvents(new ModelVersionAdded(LLAMA, "3.2", artifact(), LLAMA_31, null, ADMIN.userId()));
    }

    @Test
    void aVersionIsAddedOnce() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.1", artifact(), null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("version", "unique"));
    }

    @Test
    void aVersionCannotDeriveFromItself() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), new ModelRef(LLAMA, "3.2"), null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("derivedFrom", "not-self"));
    }

    @Test
    void aModelWhoseFilesThePlatformHoldsNamesEachVersionsArtifact() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", null, null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("artifact", "required"));
    }

    static Stream<Arguments> brokenArtifacts() {
        ModelArtifact a = artifact();
        return Stream.of(
                Arguments.of("artifact.uri", "required", new ModelArtifact(" ", a.sha256(), a.sizeBytes())),
                Arguments.of("artifact.uri", "max-length:2000", new ModelArtifact("u".repeat(2001), a.sha256(), a.sizeBytes())),
                Arguments.of("artifact.sha256", "required", new ModelArtifact(a.uri(), null, a.sizeBytes())),
                Arguments.of("artifact.sha256", "max-length:64", new ModelArtifact(a.uri(), "a".repeat(65), a.sizeBytes())),
                Arguments.of("artifact.sha256", "sha256", new ModelArtifact(a.uri(), "a".repeat(63), a.sizeBytes())),
                Arguments.of("artifact.sha256", "sha256", new ModelArtifact(a.uri(), "AB".repeat(32), a.sizeBytes())),
                Arguments.of("artifact.sha256", "sha256", new ModelArtifact(a.uri(), "g".repeat(64), a.sizeBytes())),
                Arguments.of("artifact.sizeBytes", "positive", new ModelArtifact(a.uri(), a.sha256(), 0)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenArtifacts")
    void anArtifactIsWhereWhatAndHowBig(String field, String rule, ModelArtifact artifact) {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact, null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }

    @Test
    void anArtifactOfAnApiModelIsCheckedToo() {
        fixture.given(claude())
                .when(new AddModelVersion(CLAUDE, "2025-10", new ModelArtifact("s3://m", "x", 1), null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("artifact.sha256", "sha256"));
    }

    @Test
    void aVersionNeedsAName() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "", artifact(), null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("version", "required"));
    }

    @Test
    void aVersionNameHoldsAtMost64Characters() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "v".repeat(65), artifact(), null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("version", "max-length:64"));
    }

    @Test
    void aLineageNamesAVersion() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), new ModelRef(CLAUDE, " "), null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("derivedFrom.version", "required"));
    }

    @Test
    void aLineageNamesAModel() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), new ModelRef(null, "1"), null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("derivedFrom.modelId", "required"));
    }

    @Test
    void aTrainingDataRangeHoldsAtMost200Characters() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), null, "r".repeat(201), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("trainingDataRange", "max-length:200"));
    }

    @Test
    void aPlayerMayNotAddVersions() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), null, null, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aWorldAdminMayNotAddVersions() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), null, null, WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aVersionIsAddedBySomeone() {
        fixture.given(llama())
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), null, null, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    @Test
    void aRetiredModelGainsNoVersions() {
        fixture.given(llama(new ModelRetired(LLAMA, "superseded", ADMIN.userId())))
                .when(new AddModelVersion(LLAMA, "3.2", artifact(), null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("modelId", "not-retired"));
    }
}
