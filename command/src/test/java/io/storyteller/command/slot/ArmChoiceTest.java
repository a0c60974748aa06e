package io.storyteller.command.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.NarrationArm;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The weighted, sticky choice of a story's arm during a rollout. */
class ArmChoiceTest {

    static final List<String> STORIES = IntStream.range(0, 10_000).mapToObj(i -> "story-" + i).toList();
    static final List<Integer> STEPS = List.of(0, 5, 25, 50, 100);
    static final ModelRef CANDIDATE = new ModelRef("house:w-1", "2");

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 25, 50, 75, 100})
    void theCandidatesShareOfStoriesIsItsWeight(int weight) {
        long candidates = STORIES.stream().filter(story -> ArmChoice.servesCandidate(story, "r-1", weight)).count();

        // 10,000 stories: one standard deviation is at most 0.5 points; allow 1.5.
        assertThat(100.0 * candidates / STORIES.size()).isCloseTo(weight, within(1.5));
    }

    @Test
    void everyBucketIsAboutEquallyFull() {
        int[] counts = new int[ArmChoice.BUCKETS];
        STORIES.forEach(story -> counts[ArmChoice.bucket(story, "r-1")]++);

        // 100 expected per bucket, standard deviation ≈ 10.
        assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThan(60);
        assertThat(IntStream.of(counts).max().orElseThrow()).isLessThan(140);
    }

    @Test
    void aStoryKeepsItsArmWithinAStep() {
        RolloutRoute step = new RolloutRoute("r-1", CANDIDATE, RolloutPhase.CANARY, 25);
        for (String story : STORIES.subList(0, 500)) {
            NarrationArm first = ArmChoice.armFor(story, step);
            for (int i = 0; i < 5; i++) {
                assertThat(ArmChoice.armFor(story, new RolloutRoute("r-1", CANDIDATE, RolloutPhase.CANARY, 25)))
                        .isEqualTo(first);
            }
        }
    }

    @Test
    void storiesOnlyEverMoveToTheCandidateAsTheWeightGrows() {
        for (String story : STORIES) {
            for (int i = 1; i < STEPS.size(); i++) {
                if (ArmChoice.servesCandidate(story, "r-1", STEPS.get(i - 1))) {
                    assertThat(ArmChoice.servesCandidate(story, "r-1", STEPS.get(i)))
                            .as("%s at weight %d after %d", story, STEPS.get(i), STEPS.get(i - 1)).isTrue();
                }
            }
        }
        assertThat(STORIES).noneMatch(story -> ArmChoice.servesCandidate(story, "r-1", 0));
        assertThat(STORIES).allMatch(story -> ArmChoice.servesCandidate(story, "r-1", 100));
    }

    @Test
    void aNewRolloutDrawsItsOwnStories() {
        long inBoth = STORIES.stream().filter(story -> ArmChoice.servesCandidate(story, "r-1", 50)
                && ArmChoice.servesCandidate(story, "r-2", 50)).count();

        // Independent halves overlap on about a quarter of the stories.
        assertThat(100.0 * inBoth / STORIES.size()).isCloseTo(25, within(2.0));
    }

    @Test
    void theShadowPhaseAndNoRolloutServeFromTheStableArm() {
        RolloutRoute shadow = new RolloutRoute("r-1", CANDIDATE, RolloutPhase.SHADOW, 0);

        assertThat(STORIES.subList(0, 1000)).allMatch(story -> ArmChoice.armFor(story, shadow) == NarrationArm.STABLE);
        assertThat(ArmChoice.armFor("story-1", null)).isEqualTo(NarrationArm.STABLE);
    }

    @Test
    void theArmOfACanaryStepFollowsTheBucket() {
        RolloutRoute half = new RolloutRoute("r-1", CANDIDATE, RolloutPhase.CANARY, 50);

        assertThat(STORIES).allMatch(story -> (ArmChoice.armFor(story, half) == NarrationArm.CANARY)
                == (ArmChoice.bucket(story, "r-1") < 50));
    }
}
