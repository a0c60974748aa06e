package io.storyteller.domain.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.UseCase;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotResolutionTest {

    @Test
    void aSlotIsKeyedByUseCaseAndWorld() {
        assertThat(DeploymentIds.of(UseCase.NARRATOR, null)).isEqualTo("narrator:global");
        assertThat(DeploymentIds.of(UseCase.NARRATOR, "w1")).isEqualTo("narrator:world:w1");
        assertThat(DeploymentIds.of(UseCase.GUARDRAIL, "w1")).isEqualTo("guardrail:world:w1");
    }

    @Test
    void aWorldsOwnSlotComesBeforeTheGlobalOne() {
        assertThat(SlotResolution.candidates(UseCase.NARRATOR, "w1")).containsExactly("narrator:world:w1", "narrator:global");
        assertThat(SlotResolution.candidates(UseCase.NARRATOR, null)).containsExactly("narrator:global");
    }

    @Test
    void aWorldsOwnSlotOverridesTheGlobalOne() {
        Set<String> deployed = Set.of("narrator:world:w1", "narrator:global");
        assertThat(SlotResolution.resolve(UseCase.NARRATOR, "w1", deployed::contains)).contains("narrator:world:w1");
    }

    @Test
    void aWorldWithoutItsOwnSlotUsesTheGlobalOne() {
        Set<String> deployed = Set.of("narrator:world:w2", "narrator:global");
        assertThat(SlotResolution.resolve(UseCase.NARRATOR, "w1", deployed::contains)).contains("narrator:global");
    }

    @Test
    void slotsOfOtherUseCasesDoNotServe() {
        Set<String> deployed = Set.of("reviewer:world:w1", "reviewer:global");
        assertThat(SlotResolution.resolve(UseCase.NARRATOR, "w1", deployed::contains)).isEmpty();
    }

    @Test
    void outsideAnyWorldOnlyTheGlobalSlotServes() {
        assertThat(SlotResolution.resolve(UseCase.NARRATOR, null, Set.of("narrator:world:w1")::contains)).isEmpty();
    }
}
