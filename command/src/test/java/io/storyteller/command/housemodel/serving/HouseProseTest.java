package io.storyteller.command.housemodel.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.brief.BriefBeat;
import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import io.storyteller.command.housemodel.prose.ProseNarrator;
import io.storyteller.command.housemodel.training.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Categories;
import org.languagetool.rules.RuleMatch;

/** The house narrator writes prose: grammatical, about the actor, citing the lore, varied, reproducible. */
class HouseProseTest {

    private static final Pattern SENTENCE = Pattern.compile("\\p{Lu}[^.!?]*(?:[.!?][\"”]?)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”]?)\\s+(?=\\p{Lu})");

    @TempDir
    static Path storeRoot;
    private static HouseModelRuntime runtime;
    private final ProseNarrator narrator = new ProseNarrator();

    @BeforeAll
    static void load() {
        runtime = Fixtures.runtime(storeRoot);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    private String narrate(NarrationBrief brief, long seed) {
        return narrator.narrate(brief, new HouseSentenceScorer(runtime), seed, 0.8, 120, piece -> { }).text();
    }

    /** Three rounds over the varied actions in one story: each beat sees the ones before. */
    private List<String> story() {
        List<BriefBeat> recent = new ArrayList<>();
        List<String> beats = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String action : ProseWorld.ACTIONS) {
                String beat = narrate(ProseWorld.brief(action, List.copyOf(recent)), 31L * beats.size());
                beats.add(beat);
                recent.add(new BriefBeat(true, "player-1", action));
                recent.add(new BriefBeat(false, null, beat));
            }
        }
        return beats;
    }

    @Test
    void languagetool_finds_no_grammar_error_and_every_sentence_is_whole() throws IOException {
        JLanguageTool checker = new JLanguageTool(Languages.getLanguageForShortCode("en-GB"));
        for (String beat : story()) {
            List<RuleMatch> errors = checker.check(beat).stream()
                    .filter(m -> !m.getRule().getCategory().getId().equals(Categories.TYPOS.getId()))
                    .filter(m -> !m.getRule().getCategory().getId().equals(Categories.STYLE.getId()))
                    .filter(m -> !m.getRule().getCategory().getId().equals(Categories.REDUNDANCY.getId()))
                    .toList();
            assertThat(errors).as(beat + " → " + errors.stream().map(m -> m.getRule().getId() + ": " + m.getMessage()).toList())
                    .isEmpty();
            for (String sentence : SENTENCE_END.split(beat)) {
                assertThat(sentence).as(beat).matches(SENTENCE);
            }
        }
    }

    @Test
    void every_beat_mentions_the_actions_subject() {
        assertThat(narrate(ProseWorld.brief("I climb the stairs of the lighthouse", List.of()), 1L)).containsPattern("\\b[Yy]ou\\b");
        assertThat(narrate(ProseWorld.brief("Open the ledger", List.of()), 2L)).containsPattern("\\b[Yy]ou\\b");
        assertThat(narrate(ProseWorld.brief("We walk along the docks", List.of()), 3L)).containsPattern("\\b[Yy]ou\\b");
        assertThat(narrate(ProseWorld.brief("Oren closes his ledger", List.of()), 4L)).contains("Oren");
        assertThat(narrate(ProseWorld.brief("Mira trims the wick of the lamp", List.of()), 5L)).contains("Mira trims the wick")
                .doesNotContain("You take");
    }

    @Test
    void a_beat_cites_an_activated_lore_entry_by_name() {
        List<String> triggering = ProseWorld.ACTIONS.stream()
                .filter(a -> ProseWorld.LORE.stream().anyMatch(l -> ProseWorld.triggers(l, a))).toList();
        assertThat(triggering).hasSizeGreaterThan(6);
        for (int seed = 0; seed < 30; seed++) {
            NarrationBrief brief = ProseWorld.brief(triggering.get(seed % triggering.size()), List.of());
            assertThat(brief.lore()).isNotEmpty();
            String beat = narrate(brief, seed).toLowerCase(Locale.ROOT);
            assertThat(brief.lore()).as(beat)
                    .anySatisfy(l -> assertThat(beat).contains(l.title().toLowerCase(Locale.ROOT).replaceFirst("^the ", "")));
        }
    }

    @Test
    void an_always_on_entry_is_cited_when_no_entry_is_triggered() {
        BriefLore always = new BriefLore("lore-varn", "The City of Varn", "places", List.of(),
                "The city of Varn stands on black cliffs above the Grey Sea. Its people distrust strangers.", false);
        NarrationBrief brief = new NarrationBrief("Varn", null, null, "p", "I wait", false, List.of(always), List.of(), List.of());
        assertThat(narrate(brief, 9L).toLowerCase(Locale.ROOT)).contains("city of varn");
    }

    @Test
    void a_fixed_seed_writes_the_same_beat_and_other_seeds_write_others() {
        NarrationBrief brief = ProseWorld.brief("I follow the smugglers into the fog", List.of());
        assertThat(narrate(brief, 42L)).isEqualTo(narrate(brief, 42L));
        Set<String> beats = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            beats.add(narrate(brief, seed));
        }
        assertThat(beats).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void the_same_action_again_and_again_is_answered_differently() {
        List<BriefBeat> recent = new ArrayList<>();
        List<String> beats = new ArrayList<>();
        for (int turn = 0; turn < 8; turn++) {
            String beat = narrate(ProseWorld.brief("I look at the sea", List.copyOf(recent)), 1000L + turn);
            beats.add(beat);
            recent.add(new BriefBeat(true, "player-1", "I look at the sea"));
            recent.add(new BriefBeat(false, null, beat));
        }
        assertThat(new HashSet<>(beats)).hasSize(beats.size());
        assertThat(beats.stream().map(b -> b.split("\\s+")[0] + " " + b.split("\\s+")[1]).distinct().count())
                .isGreaterThanOrEqualTo(4);
        for (int i = 1; i < beats.size(); i++) {
            assertThat(repeatedTrigramShare(beats.get(i - 1), beats.get(i))).as(beats.get(i)).isLessThan(0.5);
        }
    }

    /** The share of the beat's trigrams that the previous beat already held. */
    private static double repeatedTrigramShare(String previous, String beat) {
        Set<String> before = trigrams(previous);
        List<String> now = List.copyOf(trigrams(beat));
        return now.stream().filter(before::contains).count() / (double) Math.max(1, now.size());
    }

    private static Set<String> trigrams(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        Set<String> trigrams = new HashSet<>();
        for (int i = 0; i + 2 < words.length; i++) {
            trigrams.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        }
        return trigrams;
    }
}
