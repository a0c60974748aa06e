package io.storyteller.command.narration.context;

import static io.storyteller.command.narration.StoryFixtures.action;
import static io.storyteller.command.narration.StoryFixtures.beats;
import static io.storyteller.command.narration.StoryFixtures.lore;
import static io.storyteller.command.narration.StoryFixtures.narration;
import static io.storyteller.command.narration.StoryFixtures.story;
import static io.storyteller.command.narration.StoryFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.storyteller.command.brief.BriefBeat;
import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import io.storyteller.command.narration.NarrationProperties;
import io.storyteller.domain.story.ContextSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;

class ContextAssemblerTest {

    private final ContextAssembler assembler = new ContextAssembler(NarrationProperties.defaults().promptSettings());

    @Test
    void activatesAnEntryWhoseKeyOccursInTheAction() {
        AssembledPrompt prompt = assemble(List.of(), newAction("I wake the Dragon"),
                lore("l-dragon", "The dragon", "Vermax sleeps under the city.", 0, false, "dragon"),
                lore("l-guild", "The guild", "Thieves rule the docks.", 0, false, "guild"));

        assertThat(system(prompt)).contains("Vermax sleeps under the city.").doesNotContain("Thieves");
        assertThat(prompt.loreEntryIds()).containsExactly("l-dragon");
    }

    @Test
    void anActiveEntryActivatesTheEntriesItNamesTwoStepsDeepAndSaysWhy() {
        ActiveLore dragon = lore("l-dragon", "The dragon", "Vermax guards the Ember Crown.", 0, false, "dragon");
        ActiveLore crown = lore("l-crown", "Ember Crown", "Forged in Kelthar.", 0, false, "ember crown");
        ActiveLore kelthar = lore("l-kelthar", "Kelthar", "A drowned forge-city of the Sable line.", 0, false, "kelthar");
        ActiveLore sable = lore("l-sable", "Sable line", "Kings who never die.", 0, false, "sable");

        AssembledPrompt prompt = assemble(List.of(), newAction("I wake the dragon"), dragon, crown, kelthar, sable);

        assertThat(prompt.loreEntryIds()).containsExactly("l-dragon", "l-crown", "l-kelthar");
        assertThat(prompt.sources()).extracting(ContextSource::reason)
                .containsExactly("key:dragon", "via:l-dragon", "via:l-crown");
    }

    @Test
    void recalledLoreComesAfterActivatedLoreAndOlderBeatsAfterTheLore() {
        ActiveLore dragon = lore("l-dragon", "The dragon", "Vermax sleeps.", 0, false, "dragon");
        ActiveLore bell = lore("l-bell", "The bell", "The harbour bell rings for the drowned.", 5, false, "bell");
        Recalled recalled = new Recalled(List.of(new Recalled.RecalledLore("l-bell", 0.03, "similarity 0.71"),
                new Recalled.RecalledLore("l-dragon", 0.02, "matched \"dragon\"")),
                List.of(new Recalled.Memory("n-old", "Long ago you swore to find the bell-ringer.", 0.02, "similarity 0.66"),
                        new Recalled.Memory("a-new", "I wake the dragon", 0.9, "matched \"dragon\"")));

        AssembledPrompt prompt = assembler.assemble(context(List.of(action("a-new", "alice", "I wake the dragon")),
                story(null, null), dragon, bell), newAction("I wake the dragon"), recalled);

        assertThat(prompt.loreEntryIds()).containsExactly("l-dragon", "l-bell");
        assertThat(system(prompt)).contains("Earlier in this story (recalled):\n- Long ago you swore to find the bell-ringer.");
        assertThat(prompt.sources()).extracting(s -> s.kind() + " " + s.id() + " " + s.reason())
                .containsExactly("LORE l-dragon key:dragon", "LORE l-bell retrieved: similarity 0.71",
                        "MEMORY n-old retrieved: similarity 0.66");
    }

    @Test
    void matchesKeysOnWholeWordsIgnoringCase() {
        ActiveLore ash = lore("l-ash", "Ash", "Ash is the city's currency.", 0, false, "ash");
        ActiveLore keep = lore("l-keep", "Red Keep", "The Red Keep is the governor's seat.", 0, false, "red keep");

        assertThat(assemble(List.of(), newAction("I pay in cash and sweep the ashes"), ash, keep).loreEntryIds())
                .isEmpty();
        assertThat(assemble(List.of(), newAction("ASH, I offer. Then to the RED KEEP!"), ash, keep).loreEntryIds())
                .containsExactlyInAnyOrder("l-ash", "l-keep");
    }

    @Test
    void scansOnlyTheLastBeatsBesidesTheAction() {
        List<Turn> history = new ArrayList<>();
        history.add(action("a0", "alice", "I ask about the dragon"));
        history.add(narration("n0", "The old man shrugs."));
        history.addAll(beats(2));
        ActiveLore dragon = lore("l-dragon", "The dragon", "Vermax sleeps.", 0, false, "dragon");

        // The key is 6 beats back: outside the default window of 4.
        assertThat(assemble(history, newAction("I walk on"), dragon).loreEntryIds()).isEmpty();
        assertThat(assemble(history.subList(0, 4), newAction("I walk on"), dragon).loreEntryIds())
                .containsExactly("l-dragon");
    }

    @Test
    void alwaysGivesAlwaysOnEntries() {
        AssembledPrompt prompt = assemble(List.of(), newAction("I look around"),
                lore("l-sky", "The sky", "The sky is always red with ash.", 0, true));

        assertThat(system(prompt)).contains("Lore that always holds in this world:\n- The sky: The sky is always red");
        assertThat(prompt.loreEntryIds()).containsExactly("l-sky");
    }

    @Test
    void ranksByPriorityThenRecencyWithinATightBudget() {
        // 200 tokens in all: 70 for lore; each entry costs about 30.
        ContextAssembler tight = new ContextAssembler(new PromptSettings(200, 4, 0.8, null, 400));
        String filler = "word ".repeat(18);
        ActiveLore low = lore("l-low", "Low", filler, 1, false, "low");
        ActiveLore high = lore("l-high", "High", filler, 9, false, "high");
        ActiveLore older = lore("l-older", "Older", filler, 5, false, "older");
        ActiveLore newer = lore("l-newer", "Newer", filler, 5, false, "newer");
        List<Turn> history = List.of(action("a1", "alice", "older"), narration("n1", "ok"));

        AssembledPrompt prompt = tight.assemble(context(history, story(null, null), low, high, older, newer),
                newAction("newer and low and high"));

        assertThat(prompt.loreEntryIds()).containsExactly("l-high", "l-newer");
    }

    @Test
    void putsPinnedMemoryAfterTheLoreAndTheAuthorsNoteLast() {
        AssembledPrompt prompt = assembler.assemble(context(List.of(), story("Keep it spooky.", "Alice owes Vermax a favour."),
                lore("l-sky", "The sky", "Red with ash.", 0, true)), newAction("I look up"));

        String system = system(prompt);
        assertThat(system).contains("Emberfall", "A city built on a sleeping volcano.", "fantasy", "wry",
                "Short paragraphs, present tense.", "Content rating TEEN");
        assertThat(system.indexOf("Red with ash.")).isLessThan(system.indexOf("Alice owes Vermax a favour."));
        assertThat(system).endsWith("Author's note: Keep it spooky.");
    }

    @Test
    void attributesActionsToPlayersInPartyPlay() {
        List<Turn> history = List.of(action("a1", "alice", "I draw my sword"), narration("n1", "Steel rings."));
        ActionToAnswer bob = new ActionToAnswer("a2", null, "bob", "I hide");

        AssembledPrompt party = assembler.assemble(context(history, story(null, null, "alice", "bob")), bob);
        assertThat(texts(party, MessageType.USER)).containsExactly("alice: I draw my sword", "bob: I hide");

        AssembledPrompt solo = assembler.assemble(context(history, story(null, null, "alice")),
                newAction("I sheathe it"));
        assertThat(texts(solo, MessageType.USER)).containsExactly("I draw my sword", "I sheathe it");
    }

    @Test
    void alternatesActionsAndNarrationsEndingWithTheAction() {
        AssembledPrompt prompt = assemble(beats(2), newAction("I leave"));

        List<Message> messages = prompt.prompt().getInstructions();
        assertThat(messages).extracting(Message::getMessageType).containsExactly(MessageType.SYSTEM,
                MessageType.USER, MessageType.ASSISTANT, MessageType.USER, MessageType.ASSISTANT, MessageType.USER);
        assertThat(messages.getLast().getText()).isEqualTo("I leave");
    }

    @Test
    void leavesOutTheNarrationBeingRetried() {
        ActionToAnswer retry = new ActionToAnswer("a2", "n2", null, null);

        AssembledPrompt prompt = assembler.assemble(context(beats(2), story(null, null)), retry);

        assertThat(prompt.prompt().getInstructions().getLast().getText()).isEqualTo("action number 2");
        assertThat(prompt.rendered()).contains("narration number 1").doesNotContain("narration number 2");
    }

    @Test
    void retriesAFailedNarrationFromItsAction() {
        ActionToAnswer retry = new ActionToAnswer("a2", null, null, null);

        AssembledPrompt prompt = assembler.assemble(context(beats(2).subList(0, 3), story(null, null)), retry);

        assertThat(prompt.prompt().getInstructions().getLast().getText()).isEqualTo("action number 2");
    }

    @Test
    void appendsTheActionWhenTheReadModelLagsAndNeverTwice() {
        AssembledPrompt lagging = assemble(beats(1), newAction("I open the door"));
        List<Turn> caughtUp = new ArrayList<>(beats(1));
        caughtUp.add(action("a-new", "alice", "I open the door"));
        AssembledPrompt current = assemble(caughtUp, newAction("I open the door"));

        assertThat(texts(lagging, MessageType.USER)).containsExactly("action number 1", "I open the door");
        assertThat(current.rendered()).isEqualTo(lagging.rendered());
    }

    @Test
    void keepsTheNewestBeatsThatFitTheBudget() {
        ContextAssembler tight = new ContextAssembler(new PromptSettings(260, 4, 0.8, null, 400));

        AssembledPrompt prompt = tight.assemble(context(beats(30), story(null, null)), newAction("I leave"));

        List<String> users = texts(prompt, MessageType.USER);
        assertThat(users).hasSizeBetween(2, 29).endsWith("action number 30", "I leave");
        assertThat(prompt.rendered()).doesNotContain("action number 1\n");
        assertThat(prompt.estimatedTokens()).isLessThanOrEqualTo(260);
    }

    @Test
    void digestsTheRenderedPrompt() {
        String digest = assemble(beats(1), newAction("I leave")).digest();

        assertThat(digest).hasSize(64).matches("[0-9a-f]+");
        assertThat(assemble(beats(1), newAction("I leave")).digest()).isEqualTo(digest);
        assertThat(assemble(beats(1), newAction("I stay")).digest()).isNotEqualTo(digest);
    }

    @Test
    void carriesTheSamplingOptions() {
        var options = assemble(List.of(), newAction("I leave")).prompt().getOptions();

        assertThat(options.getTemperature()).isEqualTo(0.8);
        assertThat(options.getMaxTokens()).isEqualTo(400);
        assertThat(options.getTopP()).isNull();
    }

    @Test
    void theSystemMessageCarriesTheSameContextAsAStructuredBrief() {
        List<Turn> history = List.of(action("a0", "alice", "I ask about the dragon"), narration("n0", "The old man shrugs."));
        AssembledPrompt prompt = assemble(history, newAction("I wake the dragon"),
                lore("l-dragon", "The dragon", "Vermax sleeps under the city.", 0, false, "dragon"),
                lore("l-sky", "The sky", "The sky is always red with ash.", 0, true));

        NarrationBrief brief = NarrationBrief.carriedBy(prompt.prompt()).orElseThrow();
        assertThat(brief.action()).isEqualTo("I wake the dragon");
        assertThat(brief.playerId()).isEqualTo("alice");
        assertThat(brief.worldName()).isEqualTo(world().name());
        assertThat(brief.lore()).extracting(BriefLore::loreEntryId, BriefLore::triggered)
                .containsExactly(tuple("l-dragon", true), tuple("l-sky", false));
        assertThat(brief.recentBeats()).extracting(BriefBeat::text).containsExactly("I ask about the dragon", "The old man shrugs.");
        assertThat(brief.recentNarrations()).containsExactly("The old man shrugs.");
        // The brief is beside the text, not in it: the rendered prompt and its digest do not change.
        assertThat(prompt.rendered()).doesNotContain("narrationBrief");
        assertThat(prompt.digest()).isEqualTo(assemble(history, newAction("I wake the dragon"),
                lore("l-dragon", "The dragon", "Vermax sleeps under the city.", 0, false, "dragon"),
                lore("l-sky", "The sky", "The sky is always red with ash.", 0, true)).digest());
    }

    private AssembledPrompt assemble(List<Turn> beats, ActionToAnswer request, ActiveLore... lore) {
        return assembler.assemble(context(beats, story(null, null), lore), request);
    }

    private static StoryContext context(List<Turn> beats, StoryContext story, ActiveLore... lore) {
        return new StoryContext(world(), List.of(lore), story.authorsNote(), story.pinnedMemory(), story.participants(),
                beats);
    }

    private static ActionToAnswer newAction(String text) {
        return new ActionToAnswer("a-new", null, "alice", text);
    }

    private static String system(AssembledPrompt prompt) {
        return prompt.prompt().getInstructions().getFirst().getText();
    }

    private static List<String> texts(AssembledPrompt prompt, MessageType type) {
        return prompt.prompt().getInstructions().stream().filter(m -> m.getMessageType() == type)
                .map(Message::getText).toList();
    }
}
