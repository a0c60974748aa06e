package io.storyteller.command.narration.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.world.LoreContent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LorebookTest {

    private static ActiveLore entry(String id, String content, String... keys) {
        return new ActiveLore(id, new LoreContent(id, List.of(keys), content, "general", 0, false));
    }

    @Test
    void aKeyActivatesItsEntryAsAWholeWordInAnyCase() {
        Lorebook lore = Lorebook.of(List.of(entry("ash", "Ash falls.", "Ash"), entry("salt", "Salt.", "salt merchant"),
                entry("aero", "A port.", "Ærøskøbing")));

        assertThat(lore.activatedBy("The ASH falls on the harbour.")).containsOnlyKeys("ash");
        assertThat(lore.activatedBy("Grey ashes drift over the pier.")).isEmpty();
        assertThat(lore.activatedBy("You meet a Salt Merchant by the quay.")).containsOnlyKeys("salt");
        assertThat(lore.activatedBy("a salt trader, not a merchant")).isEmpty();
        assertThat(lore.activatedBy("ships from ÆRØSKØBING dock at dawn")).containsOnlyKeys("aero");
    }

    @Test
    void anEntryNamesTheFirstOfItsOwnKeysThatOccurAndEntriesComeInTheWorldsOrder() {
        Lorebook lore = Lorebook.of(List.of(entry("second", "", "harbour"), entry("first", "", "quay", "harbour")));

        assertThat(lore.activatedBy("the harbour by the quay")).containsExactly(
                java.util.Map.entry("second", "harbour"), java.util.Map.entry("first", "quay"));
    }

    @Test
    void keysWithoutAWordCharacterAreTriedOnEveryText() {
        Lorebook lore = Lorebook.of(List.of(entry("bang", "", "!!"), entry("word", "", "word")));

        assertThat(lore.activatedBy("stop !! now")).containsOnlyKeys("bang");
        assertThat(lore.activatedBy("stop!! now")).isEmpty();
        assertThat(lore.activatedBy("a word")).containsOnlyKeys("word");
    }

    /**
     * The index only compares a key where its words stand in a row, and only there: the answers are the
     * whole-word pattern's own, also where the key's words occur first without it.
     */
    @Test
    void itAnswersAsTheWholeWordPatternDoesWhereCaseFoldingIsUnusual() {
        List<String> keys = List.of("σοφία", "Σοφίας", "İzmir", "izmir", "straße", "STRASSE", "ǅemal", "ﬁre", "Ash", "_tag",
                "k", "Kelvin", "𐐨𐐯", "𐐀𐐇", "half-elf", "St. Anne", "#7", "x²");
        List<String> texts = List.of("ΣΟΦΊΑ spoke", "της σοφίας", "to IZMIR", "to İzmir and back", "die Straße",
                "DIE STRASSE", "ǄEMAL and ǆemal", "the fire and the ﬁre", "_tag_ and _TAG", "\u212Aelvin",
                "K", "𐐀𐐇 words", "𐐨𐐯!", "nothing here", "a HALF-ELF bard", "half elf", "st. anne's day", "room #7",
                "x² y", "x2", "ashes, then ASH", "half-elfish, then a half-elf", "#77 or x#7 or #7", "Saint st.anne St. Anne");
        List<ActiveLore> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            entries.add(entry("e" + i, "", keys.get(i)));
        }
        Lorebook lore = Lorebook.of(entries);
        for (int i = 0; i < keys.size(); i++) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(keys.get(i)) + "(?![\\p{L}\\p{N}_])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (String text : texts) {
                assertThat(lore.activatedBy(text).containsKey("e" + i)).as("%s in %s", keys.get(i), text)
                        .isEqualTo(pattern.matcher(text).find());
            }
        }
    }

    @Test
    void whatAnEntrysContentActivatesIsReadFromThatRevision() {
        ActiveLore harbour = entry("harbour", "The harbour master drinks at the Gull.", "harbour");
        ActiveLore gull = entry("gull", "A tavern.", "Gull");
        Lorebook lore = Lorebook.of(List.of(harbour, gull));

        assertThat(lore.activatedByEntry(harbour)).containsOnlyKeys("harbour", "gull");
        ActiveLore revised = entry("harbour", "Quiet water in the harbour.", "harbour");
        assertThat(Lorebook.of(List.of(revised, gull)).activatedByEntry(revised)).containsOnlyKeys("harbour");
    }
}
