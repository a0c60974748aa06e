package io.storyteller.command.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;

class PromptBriefsTest {

    private static final NarrationBrief BRIEF = new NarrationBrief("Vell", "mystery", "moody", "alice", "I light a match",
            false, List.of(new BriefLore("l1", "The Fog", "phenomena", List.of("fog"), "The fog comes in.", true)),
            List.of(), List.of());

    @Test
    void aPromptCarryingABriefGivesItBackUnchanged() {
        Prompt prompt = BRIEF.attachTo(new Prompt(List.of(new SystemMessage("World: Vell."), new UserMessage("I light a match"))));

        assertThat(PromptBriefs.of(prompt)).isEqualTo(BRIEF);
        assertThat(prompt.getInstructions().getFirst().getText()).isEqualTo("World: Vell.");
    }

    @Test
    void factsCanBeAddedByALaterStage() {
        NarrationBrief withFacts = BRIEF.withFacts(List.of(new BriefFact("the beacon", "state", "dark")));
        Prompt prompt = withFacts.attachTo(BRIEF.attachTo(new Prompt(List.of(new UserMessage("I light a match")))));

        assertThat(PromptBriefs.of(prompt).facts()).containsExactly(new BriefFact("the beacon", "state", "dark"));
    }

    @Test
    void aPromptWithoutABriefIsReadBackFromItsMessages() {
        Prompt prompt = new Prompt(List.of(
                new SystemMessage("You are the narrator of an interactive story set in the world \"Vell\".\n"
                        + "Lore relevant to the current scene:\n- The Fog: The fog comes in at night.\n"),
                new UserMessage("I walk to the docks"),
                new AssistantMessage("The docks are empty."),
                new UserMessage("I light a match")));

        NarrationBrief brief = PromptBriefs.of(prompt);

        assertThat(brief.worldName()).isEqualTo("Vell");
        assertThat(brief.action()).isEqualTo("I light a match");
        assertThat(brief.lore()).extracting(BriefLore::title, BriefLore::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("The Fog", "The fog comes in at night."));
        assertThat(brief.recentBeats()).extracting(BriefBeat::text).containsExactly("I walk to the docks", "The docks are empty.");
        assertThat(brief.recentNarrations()).containsExactly("The docks are empty.");
    }
}
