package io.storyteller.command.narration.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.world.LoreContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoreSelectorTest {

    static ActiveLore lore(String id, String content, int priority, String... keys) {
        return new ActiveLore(id, new LoreContent(id, List.of(keys), content, "general", priority, false));
    }

    @Test
    void recursionReadsOnlyTheEntriesTheBudgetTook() {
        ActiveLore saga = lore("l-saga", "The dragon's saga: " + "the crown ".repeat(200), 0, "dragon");
        ActiveLore crown = lore("l-crown", "Forged in Kelthar.", 0, "crown");
        ActiveLore lair = lore("l-lair", "The dragon sleeps in the crown of the hill.", 0, "lair");

        LoreSelection tight = LoreSelector.select(Lorebook.of(List.of(saga, crown, lair)), List.of("I wake the dragon"), 40);
        LoreSelection roomy = LoreSelector.select(Lorebook.of(List.of(saga, crown, lair)), List.of("I wake the dragon"), 2000);

        assertThat(tight.entryIds()).as("the saga does not fit, so what it names is not read").isEmpty();
        assertThat(roomy.entryIds()).containsExactly("l-saga", "l-crown");
        assertThat(roomy.reasons()).containsEntry("l-crown", "via:l-saga");
    }

    @Test
    void eachStepIsRankedByPriorityThenByHowRecentlyAKeyAppeared() {
        ActiveLore old = lore("l-old", "Old news.", 0, "harbour");
        ActiveLore recent = lore("l-recent", "Fresh news.", 0, "bell");
        ActiveLore urgent = lore("l-urgent", "The flood.", 9, "harbour");

        LoreSelection selection = LoreSelector.select(Lorebook.of(List.of(old, recent, urgent)),
                List.of("the harbour at dusk", "the bell rings"), 2000);

        assertThat(selection.entryIds()).containsExactly("l-urgent", "l-recent", "l-old");
    }
}
