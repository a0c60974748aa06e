package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.IN_WORLD;
import static io.storyteller.domain.deployment.DeploymentExamples.MANAGER;
import static io.storyteller.domain.deployment.DeploymentExamples.OTHER;
import static io.storyteller.domain.deployment.DeploymentExamples.PLAYER;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.WORLD_ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.WORLD_ID;
import static io.storyteller.domain.deployment.DeploymentExamples.canary;
import static io.storyteller.domain.deployment.DeploymentExamples.created;
import static io.storyteller.domain.deployment.DeploymentExamples.healthy;
import static io.storyteller.domain.deployment.DeploymentExamples.inCanary;
import static io.storyteller.domain.deployment.DeploymentExamples.inShadow;
import static io.storyteller.domain.deployment.DeploymentExamples.paused;
import static io.storyteller.domain.deployment.DeploymentExamples.shadowFirst;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deployment command: the model manager (the meta-manager) may issue each; players and
 * world admins none, not even for their own world's slot.
 */
class WhoManagesDeploymentsTest {

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    private static Arguments command(String name, List<Object> given, Function<Actor, Object> command) {
        return Arguments.of(name, given, command);
    }

    static Stream<Arguments> commands() {
        ArmMetrics better = new ArmMetrics(500, 0.0625, 1500, 0.03125, 0.25, 4.5, new BigDecimal("0.004"));
        return Stream.of(
                command("create", List.of(), a -> new CreateDeployment(GLOBAL, UseCase.NARRATOR, null, STABLE, a)),
                command("create in a world", List.of(), a -> new CreateDeployment(IN_WORLD, UseCase.NARRATOR, WORLD_ID, STABLE, a)),
                command("replace stable", created(), a -> new ReplaceStableModel(GLOBAL, OTHER, "outage", a)),
                command("start rollout", created(), a -> new StartRollout(GLOBAL, R1, CANDIDATE, canary(), "try", a)),
                command("analyze", inCanary(), a -> new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), a)),
                command("end shadow", inShadow(), a -> new EndShadowPhase(GLOBAL, R1, a)),
                command("pause", inCanary(), a -> new PauseRollout(GLOBAL, R1, null, a)),
                command("resume", inCanary(paused()), a -> new ResumeRollout(GLOBAL, R1, a)),
                command("promote", inCanary(), a -> new PromoteRollout(GLOBAL, R1, "why", a)),
                command("abort", inCanary(), a -> new AbortRollout(GLOBAL, R1, "why", a)),
                command("decide auto-switch", created(), a -> new DecideAutoSwitch(GLOBAL, CANDIDATE, better, healthy(),
                        new AutoSwitchPolicy(0.25, null), shadowFirst(), "r-auto", a)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theModelManagerIssuesEveryDeploymentCommand(String name, List<Object> given, Function<Actor, Object> command) {
        fixture.given(given)
                .when(command.apply(MANAGER))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aPlayerIssuesNone(String name, List<Object> given, Function<Actor, Object> command) {
        fixture.given(given)
                .when(command.apply(PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aWorldAdminIssuesNone(String name, List<Object> given, Function<Actor, Object> command) {
        fixture.given(given)
                .when(command.apply(WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void anActorWithoutRolesIssuesNone(String name, List<Object> given, Function<Actor, Object> command) {
        fixture.given(given)
                .when(command.apply(new Actor("nobody", Set.of())))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aPlatformAdminIssuesEvery(String name, List<Object> given, Function<Actor, Object> command) {
        fixture.given(given)
                .when(command.apply(new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN))))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandIsIssuedBySomeone(String name, List<Object> given, Function<Actor, Object> command) {
        fixture.given(given)
                .when(command.apply(null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }
}
