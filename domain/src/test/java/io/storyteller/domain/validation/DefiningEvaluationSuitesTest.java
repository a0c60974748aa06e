package io.storyteller.domain.validation;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefiningEvaluationSuitesTest {

    static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor PLAYER = new Actor("pia", Set.of(PlatformRole.PLAYER));
    static final Actor MANAGER = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));
    private static final SuiteDataset ASHFALL = new SuiteDataset(DatasetKind.RECENT_TURNS, null, "ashfall", 50);
    private static final List<SuiteMetric> GATES = List.of(SuiteMetric.atLeast("review.score", 0.6),
            SuiteMetric.atMost("latency.p95Millis", 5000.0).withMargin(200));

    private FixtureConfiguration<EvaluationSuite> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EvaluationSuite.class);
    }

    private static EvaluationSuiteDefined defined() {
        return new EvaluationSuiteDefined("ashfall-replay", UseCase.NARRATOR, ASHFALL, GATES, 0.03, "ada");
    }

    @Test
    void anAdminDefinesASuiteOfRecordedTurnsWithGates() {
        fixture.givenNoPriorActivity()
                .when(new DefineEvaluationSuite("ashfall-replay", UseCase.NARRATOR, ASHFALL, GATES, 0.03, ADMIN))
                .expectEvents(defined());
    }

    @Test
    void aSuiteOfAShippedLabelledFileNamesTheFile() {
        SuiteDataset holdout = SuiteDataset.classpath("eval/guardrail-holdout.jsonl", 100);
        List<SuiteMetric> gates = List.of(SuiteMetric.atMost("guardrail.neverAllowedPasses", 0.0));
        fixture.givenNoPriorActivity()
                .when(new DefineEvaluationSuite("kids-guard", UseCase.GUARDRAIL, holdout, gates, 0, ADMIN))
                .expectEvents(new EvaluationSuiteDefined("kids-guard", UseCase.GUARDRAIL, holdout, gates, 0, "ada"));
    }

    @Test
    void revisingReplacesTheGatesAndKeepsTheUseCase() {
        List<SuiteMetric> stricter = List.of(SuiteMetric.atLeast("review.score", 0.7));
        fixture.given(defined())
                .when(new ReviseEvaluationSuite("ashfall-replay", ASHFALL, stricter, 0.01, Actor.system()))
                .expectEvents(new EvaluationSuiteRevised("ashfall-replay", UseCase.NARRATOR, ASHFALL, stricter, 0.01, "system"));
    }

    @Test
    void onlyPlatformAdminsDefineSuites() {
        for (Actor other : List.of(PLAYER, MANAGER)) {
            fixture.givenNoPriorActivity()
                    .when(new DefineEvaluationSuite("mine", UseCase.NARRATOR, ASHFALL, GATES, 0.02, other))
                    .expectNoEvents()
                    .expectException(Rejected.forbidden("role:platform-admin"));
        }
    }

    @Test
    void aSuiteHasAtLeastOneGateAndEachMetricOnce() {
        fixture.givenNoPriorActivity()
                .when(new DefineEvaluationSuite("none", UseCase.NARRATOR, ASHFALL, List.of(), 0.02, ADMIN))
                .expectException(Rejected.invalid("metrics", "required"));
        fixture.givenNoPriorActivity()
                .when(new DefineEvaluationSuite("twice", UseCase.NARRATOR, ASHFALL,
                        List.of(SuiteMetric.atLeast("review.score", 0.5), SuiteMetric.atLeast("review.score", 0.6)), 0.02, ADMIN))
                .expectException(Rejected.invalid("metrics[1].metric", "unique"));
    }

    @Test
    void theTieMarginIsSmallAndAFileStaysUnderItsRoot() {
        fixture.givenNoPriorActivity()
                .when(new DefineEvaluationSuite("loose", UseCase.NARRATOR, ASHFALL, GATES, 0.9, ADMIN))
                .expectException(Rejected.invalid("tieMargin", "range:0.." + EvaluationSuite.MAX_TIE_MARGIN));
        fixture.givenNoPriorActivity()
                .when(new DefineEvaluationSuite("escape", UseCase.DETECTOR,
                        new SuiteDataset(DatasetKind.FILE, "../secrets.jsonl", null, 10), GATES, 0.02, ADMIN))
                .expectException(Rejected.invalid("dataset.source", "relative-path"));
    }

    @Test
    void aNegativeGateMarginIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineEvaluationSuite("odd", UseCase.NARRATOR, ASHFALL,
                        List.of(SuiteMetric.atLeast("review.score", 0.5).withMargin(-1)), 0.02, ADMIN))
                .expectException(Rejected.invalid("metrics[0].margin", "non-negative"));
    }

    @Test
    void everyUseCaseButTheEmbedderHasADefaultSuiteThatPassesItsOwnRules() {
        for (EvaluationSuiteView suite : DefaultSuites.all()) {
            new AggregateTestFixture<>(EvaluationSuite.class).givenNoPriorActivity()
                    .when(new DefineEvaluationSuite(suite.name(), suite.useCase(), suite.dataset(), suite.metrics(),
                            suite.tieMargin(), Actor.system()))
                    .expectSuccessfulHandlerExecution();
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of("narrator-default", "reviewer-default", "detector-default",
                "guardrail-default", "reviewer-continuity"), DefaultSuites.all().stream().map(EvaluationSuiteView::name).toList());
    }
}
