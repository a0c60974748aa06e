package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The continuity engine: reads facts from lore, narrations and player actions, and checks a
 * candidate beat against them for the ten kinds of contradiction. Pure and thread-safe; it needs
 * no Spring and keeps no state between calls.
 */
public final class ContinuityCheck {

    private final List<ContinuityRule> rules = List.of(new DeathRule(), new DestroyedPlaceRule(), new NameRule(),
            new PossessionRule(), new LocationRule(), new CountRule(), new TimeRule(), new RelationshipRule(),
            new PhysicalStateRule(), new LoreRule());

    /** The facts one text establishes; {@code beat} is 1-based (0 for a lore entry), {@code toldBefore} resolves references. */
    public List<Fact> extract(String text, int beat, boolean playerAction, CharSequence toldBefore) {
        Telling telling = new Telling(text, beat, playerAction, toldBefore == null ? "" : toldBefore);
        List<Fact> facts = new ArrayList<>();
        rules.forEach(rule -> facts.addAll(rule.extract(telling)));
        return facts;
    }

    /** The facts of the story's lines, oldest first, as they stand after the last one. */
    public List<Fact> storyFacts(List<String> lore, List<StoryLine> story) {
        return storyFacts(lore, story, 1);
    }

    /**
     * As above, for the story's last lines only: the first of them is beat {@code firstPosition} of
     * the story (1-based), and the facts name their beats so, as the story's recorded facts do.
     */
    public List<Fact> storyFacts(List<String> lore, List<StoryLine> story, int firstPosition) {
        FactLedger ledger = new FactLedger();
        StringBuilder told = new StringBuilder(String.join(" ", lore));
        for (int i = 0; i < story.size(); i++) {
            StoryLine line = story.get(i);
            ledger.recordAll(extract(line.text(), firstPosition + i, line.playerAction(), told));
            told.append(' ').append(line.text());
        }
        return ledger.facts();
    }

    /**
     * The facts the lore establishes (beat 0): deaths, ruins, names, kin, rules. The lore told so far
     * is handed as the growing buffer itself: a copy for every entry made this quadratic in the lore.
     */
    public List<Fact> loreFacts(List<String> lore) {
        List<Fact> facts = new ArrayList<>();
        StringBuilder told = new StringBuilder();
        for (String entry : lore) {
            facts.addAll(extract(entry, Fact.LORE, false, told));
            told.append(' ').append(entry);
        }
        return facts;
    }

    /**
     * The facts one lore entry establishes on its own (beat 0), its title standing for what was told
     * before it: "the bridge" in the entry titled "Kingsbridge" is Kingsbridge. A caller that checks
     * against a few entries of a large lore reads each entry once and keeps its facts.
     */
    public List<Fact> entryFacts(String title, String content) {
        return extract(content, Fact.LORE, false, title == null ? "" : title);
    }

    /** Checks a candidate against the lore and the story, reading the story's facts from its lines. */
    public ContinuityVerdict check(List<String> lore, List<StoryLine> story, String candidate) {
        return check(lore, story, storyFacts(lore, story), candidate);
    }

    /**
     * Checks a candidate against the lore and the story, with the story's facts as they stand (pinned
     * and corrected facts included, e.g. from the story's event stream); lore facts are read here.
     */
    public ContinuityVerdict check(List<String> lore, List<StoryLine> story, List<Fact> storyFacts, String candidate) {
        return check(lore, loreFacts(lore), story, storyFacts, candidate);
    }

    /**
     * As above, with the lore's facts already read ({@link #loreFacts} of the same lore): a caller
     * checking many candidates against one world's lore reads them once, not once a candidate.
     */
    public ContinuityVerdict check(List<String> lore, List<Fact> loreFacts, List<StoryLine> story, List<Fact> storyFacts,
            String candidate) {
        return check(lore, loreFacts, story, storyFacts, candidate, 1);
    }

    /**
     * As above, for the story's last lines only, the first of them beat {@code firstPosition} of the
     * story: facts (recorded ones and those read from the lines alike) name beats by their place in
     * the whole story, and what was told since a fact is read from the lines after its beat.
     */
    public ContinuityVerdict check(List<String> lore, List<Fact> loreFacts, List<StoryLine> story, List<Fact> storyFacts,
            String candidate, int firstPosition) {
        FactLedger ledger = new FactLedger();
        ledger.recordAll(loreFacts);
        ledger.recordAll(storyFacts);
        Scene scene = new Scene(lore, story, ledger.facts(), candidate == null ? "" : candidate,
                Math.max(firstPosition, 1) - 1);
        List<Breach> contradictions = new ArrayList<>();
        rules.forEach(rule -> contradictions.addAll(rule.check(scene)));
        return new ContinuityVerdict(contradictions, used(scene, contradictions));
    }

    /** The facts the verdict rests on: those contradicted, and those about someone or something the candidate names. */
    private static List<Fact> used(Scene scene, List<Breach> contradictions) {
        Set<Fact> used = new LinkedHashSet<>();
        contradictions.forEach(c -> used.add(c.fact()));
        for (Fact fact : scene.facts()) {
            String subject = fact.entity().startsWith("the ") ? fact.entity().substring(4) : fact.entity();
            if (!subject.isBlank() && !subject.equals("player") && Prose.words(subject).stream()
                    .anyMatch(w -> w.length() > 2 && Prose.mentions(scene.candidate(), w))) {
                used.add(fact);
            }
        }
        return List.copyOf(used);
    }
}
