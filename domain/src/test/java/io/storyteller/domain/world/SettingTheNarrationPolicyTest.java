package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.ADMIN;
import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLAYER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;

import io.storyteller.domain.shared.Rejected;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingTheNarrationPolicyTest {

    private static final NarrationPolicy THREE_FROM_TWO = new NarrationPolicy(3,
            List.of("narrator:world:" + WORLD_ID, "narrator:global"), Duration.ofSeconds(20), 0.8, 2,
            GuardrailAction.REGENERATE);

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void anAdminSetsHowTurnsAreNarrated() {
        fixture.given(founded())
                .when(new SetNarrationPolicy(WORLD_ID, THREE_FROM_TWO, ADMIN))
                .expectEvents(new NarrationPolicySet(WORLD_ID, THREE_FROM_TWO, ADMIN.userId()));
    }

    @Test
    void aPlayerMayNotSetIt() {
        fixture.given(founded())
                .when(new SetNarrationPolicy(WORLD_ID, THREE_FROM_TWO, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void everyFieldHasItsRule() {
        expectInvalid(policy(0, List.of(), Duration.ofSeconds(5), 0.5, 1), "policy.candidates", "range:1..5");
        expectInvalid(policy(6, List.of(), Duration.ofSeconds(5), 0.5, 1), "policy.candidates", "range:1..5");
        expectInvalid(policy(1, List.of("reviewer:global"), Duration.ofSeconds(5), 0.5, 1), "policy.deployments[0]",
                "narrator-slot");
        expectInvalid(policy(1, List.of(), Duration.ZERO, 0.5, 1), "policy.deadline", "range:PT0S..PT5M");
        expectInvalid(policy(1, List.of(), Duration.ofMinutes(6), 0.5, 1), "policy.deadline", "range:PT0S..PT5M");
        expectInvalid(policy(1, List.of(), Duration.ofSeconds(5), 1.5, 1), "policy.detectorThreshold", "range:0..1");
        expectInvalid(policy(1, List.of(), Duration.ofSeconds(5), Double.NaN, 1), "policy.detectorThreshold", "range:0..1");
        expectInvalid(policy(1, List.of(), Duration.ofSeconds(5), 0.5, 4), "policy.maxTries", "range:1..3");
        expectInvalid(new NarrationPolicy(1, List.of(), Duration.ofSeconds(5), 0.5, 1, null), "policy.guardrailAction",
                "required");
    }

    @Test
    void duplicateDeploymentsAreListedOnce() {
        NarrationPolicy twice = policy(2, List.of("narrator:global", "narrator:global"), Duration.ofSeconds(5), 0.5, 1);
        fixture.given(founded())
                .when(new SetNarrationPolicy(WORLD_ID, twice, OWNER))
                .expectEvents(new NarrationPolicySet(WORLD_ID,
                        policy(2, List.of("narrator:global"), Duration.ofSeconds(5), 0.5, 1), OWNER.userId()));
    }

    private void expectInvalid(NarrationPolicy policy, String field, String rule) {
        fixture.given(founded())
                .when(new SetNarrationPolicy(WORLD_ID, policy, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }

    private static NarrationPolicy policy(int candidates, List<String> deployments, Duration deadline, double threshold,
            int tries) {
        return new NarrationPolicy(candidates, deployments, deadline, threshold, tries, GuardrailAction.BLOCK);
    }
}
