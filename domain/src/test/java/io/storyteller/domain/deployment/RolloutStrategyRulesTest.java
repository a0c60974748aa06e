package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.REASON;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.created;

import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules a rollout strategy obeys, when a rollout starts. */
class RolloutStrategyRulesTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    private static RolloutStrategy steps(List<Integer> canarySteps) {
        return new RolloutStrategy(null, canarySteps, HALF_HOUR, 100, RolloutGates.none());
    }

    private static RolloutStrategy shadow(ShadowPhase shadow) {
        return new RolloutStrategy(shadow, List.of(100), HALF_HOUR, 100, RolloutGates.none());
    }

    private static RolloutStrategy gated(RolloutGates gates) {
        return new RolloutStrategy(null, List.of(100), HALF_HOUR, 100, gates);
    }

    static Stream<Arguments> brokenStrategies() {
        return Stream.of(
                Arguments.of("strategy.canarySteps", "required", steps(null)),
                Arguments.of("strategy.canarySteps", "required", steps(List.of())),
                Arguments.of("strategy.canarySteps", "max-count:20", steps(IntStream.rangeClosed(80, 100).boxed().toList())),
                Arguments.of("strategy.canarySteps[1]", "required", steps(Arrays.asList(5, null, 100))),
                Arguments.of("strategy.canarySteps[0]", "range:1..100", steps(List.of(0, 100))),
                Arguments.of("strategy.canarySteps[1]", "range:1..100", steps(List.of(50, 101))),
                Arguments.of("strategy.canarySteps[1]", "increasing", steps(List.of(5, 5, 100))),
                Arguments.of("strategy.canarySteps[1]", "increasing", steps(List.of(50, 25, 100))),
                Arguments.of("strategy.canarySteps", "last:100", steps(List.of(5, 25, 50))),
                Arguments.of("strategy.analysisInterval", "required", new RolloutStrategy(null, List.of(100), null, 100, RolloutGates.none())),
                Arguments.of("strategy.analysisInterval", "positive", new RolloutStrategy(null, List.of(100), Duration.ZERO, 100, RolloutGates.none())),
                Arguments.of("strategy.analysisInterval", "positive", new RolloutStrategy(null, List.of(100), Duration.ofMinutes(-1), 100, RolloutGates.none())),
                Arguments.of("strategy.minSamples", "range:1..10000000", new RolloutStrategy(null, List.of(100), HALF_HOUR, 0, RolloutGates.none())),
                Arguments.of("strategy.gates", "required", gated(null)),
                Arguments.of("strategy.shadow", "duration-or-requests", shadow(new ShadowPhase(null, null))),
                Arguments.of("strategy.shadow.duration", "positive", shadow(new ShadowPhase(Duration.ZERO, null))),
                Arguments.of("strategy.shadow.mirroredRequests", "range:1..10000000", shadow(new ShadowPhase(null, 0))),
                Arguments.of("strategy.gates.maxErrorRate", "range:0..1", gated(new RolloutGates(1.5, null, null, null, null, null, null))),
                Arguments.of("strategy.gates.maxLatencyP95Millis", "non-negative", gated(new RolloutGates(null, -1L, null, null, null, null, null))),
                Arguments.of("strategy.gates.maxGuardrailBlockRate", "range:0..1", gated(new RolloutGates(null, null, -0.1, null, null, null, null))),
                Arguments.of("strategy.gates.maxDetectorScore", "range:0..1", gated(new RolloutGates(null, null, null, 1.01, null, null, null))),
                Arguments.of("strategy.gates.minRating", "range:1..5", gated(new RolloutGates(null, null, null, null, 0.5, null, null))),
                Arguments.of("strategy.gates.minRating", "range:1..5", gated(new RolloutGates(null, null, null, null, 5.5, null, null))),
                Arguments.of("strategy.gates.maxCostPerBeat", "non-negative", gated(new RolloutGates(null, null, null, null, null, new BigDecimal("-0.01"), null))),
                Arguments.of("strategy.gates.tolerance", "range:0..1", gated(new RolloutGates(null, null, null, null, null, null, -0.1))),
                Arguments.of("strategy.gates.tolerance", "range:0..1", gated(new RolloutGates(null, null, null, null, null, null, 1.5))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenStrategies")
    void eachPartOfAStrategyHasItsRule(String field, String rule, RolloutStrategy strategy) {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, strategy, REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }

    static Stream<RolloutStrategy> strategiesAtTheirLimits() {
        return Stream.of(
                steps(List.of(100)),
                steps(IntStream.rangeClosed(81, 100).boxed().toList()),
                new RolloutStrategy(null, List.of(1, 100), Duration.ofNanos(1), 1, RolloutGates.none()),
                shadow(new ShadowPhase(null, 1)),
                shadow(new ShadowPhase(Duration.ofSeconds(1), null)),
                gated(new RolloutGates(0.0, 0L, 1.0, 0.0, 5.0, BigDecimal.ZERO, 1.0)),
                gated(new RolloutGates(1.0, Long.MAX_VALUE, 0.0, 1.0, 1.0, new BigDecimal("100"), 0.0)));
    }

    @ParameterizedTest
    @MethodSource("strategiesAtTheirLimits")
    void strategiesAtTheirLimitsAreAccepted(RolloutStrategy strategy) {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, strategy, REASON, ADMIN))
                .expectEvents(new RolloutStarted(GLOBAL, R1, CANDIDATE, STABLE, strategy, strategy.phaseAt(0), 0,
                        strategy.weightAt(0), REASON, ADMIN.userId()));
    }

    @Test
    void theFirstBrokenPartIsTheOneReported() {
        RolloutStrategy broken = new RolloutStrategy(new ShadowPhase(null, null), List.of(), null, 0, null);
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, broken, REASON, ADMIN))
                .expectException(Rejected.invalid("strategy.shadow", "duration-or-requests"));
    }
}
