package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lore's rules hold. A rule is a lore clause that forbids ({@link ForbiddingRule}): when it
 * applies, whom it binds, what it forbids, and its exception. A candidate breaks the rule when the
 * story has met its condition and not its exception, and a sentence of the candidate does one of
 * the forbidden acts (most of its words, or words of one idea, see {@link Kinship}) by someone the
 * rule binds, without being stopped; a sentence that retells the lore breaks nothing.
 */
final class LoreRule implements ContinuityRule {

    private static final Pattern STOPPED = Prose.anyOf("no further", "cannot", "can't", "fails?", "failed", "nothing happens",
            "won't", "will not", "refuses?", "no signal", "dead air", "stops?", "halts?", "does not", "doesn't",
            "in vain", "only static", "can not", "unable", "never");
    private static final Set<String> TOPIC_STOP = Set.of("the", "a", "an", "of", "in", "on", "to", "and", "or", "by", "it",
            "there", "their", "they", "them", "any", "anything", "anyone", "all", "be", "is", "are", "was", "who",
            "whoever", "when", "that", "from", "for", "with", "ever", "her", "his", "him", "she", "he", "its", "one",
            "first", "must", "about", "six", "hour", "hours", "only", "can", "no", "nobody", "not", "have", "has");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.LORE_RULE;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        if (!telling.lore()) {
            return facts;
        }
        for (String sentence : Prose.sentences(telling.text())) {
            String topic = String.join(" ", Prose.words(sentence).stream().filter(w -> !TOPIC_STOP.contains(w)).limit(2).toList());
            String[] clauses = sentence.split(";");
            for (int i = 0; i < clauses.length; i++) {
                if (ForbiddingRule.forbids(clauses[i])) {
                    facts.add(telling.fact(kind(), topic, "rule " + (i + 1), clauses[i].trim(), sentence));
                }
            }
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Fact> rules = scene.facts(kind());
        if (rules.isEmpty()) {
            return List.of(); // no rule in play: the story and the candidate need not be stemmed
        }
        List<Breach> found = new ArrayList<>();
        String story = scene.storyAfter(0);
        // the union of the lines' stems, each line's kept: the story's words are the same for every candidate
        Set<String> storyStems = ForbiddingRule.keptStems(scene.lines().stream().map(StoryLine::text).toList());
        List<String> sentences = scene.candidateSentences();
        List<Set<String>> sentenceStems = sentences.stream().map(ForbiddingRule::stems).toList();
        Set<String> asked = ForbiddingRule.stems(lastAction(scene));
        for (Fact fact : rules) {
            ForbiddingRule rule = ForbiddingRule.of(fact.value(), fact.entity());
            if (rule.acts().isEmpty() || (!rule.exception().isBlank() && exceptionMet(rule.exception(), story, storyStems))
                    || ForbiddingRule.hits(rule.condition(), storyStems) < Math.min(2, ForbiddingRule.size(rule.condition()))) {
                continue;
            }
            for (int i = 0; i < sentences.size(); i++) {
                if (rule.conduct() && rule.acts().stream().anyMatch(act -> ForbiddingRule.hits(act, asked) >= Math.min(2, ForbiddingRule.size(act)))) {
                    break; // the player chose to break a rule of conduct: telling it is no contradiction
                }
                String sentence = sentences.get(i);
                Set<String> stems = sentenceStems.get(i);
                if (rule.acts().stream().anyMatch(act -> ForbiddingRule.hits(act, stems) >= Math.min(2, ForbiddingRule.size(act)))
                        && !Prose.has(sentence, STOPPED) && binds(rule, sentence, stems, story) && !scene.retells(sentence)) {
                    found.add(new Breach(kind(), fact, sentence, "The lore says: \"" + fact.value()
                            + "\"; the story meets that rule's condition, and the candidate breaks it."));
                    break;
                }
            }
        }
        return found;
    }

    private static String lastAction(Scene scene) {
        for (StoryLine line : scene.lines().reversed()) {
            if (line.playerAction()) {
                return line.text();
            }
        }
        return "";
    }

    /** Whether the sentence's doer is bound: anyone is; else one the sentence calls so, or a name the story calls so ("Mage Corin"). */
    private static boolean binds(ForbiddingRule rule, String sentence, Set<String> stems, String story) {
        if (rule.subject().isEmpty() || ForbiddingRule.hits(rule.subject(), stems) > 0) {
            return true;
        }
        for (String name : Prose.names(sentence)) {
            for (String told : Prose.sentences(story)) {
                if (Prose.mentions(told, name) && ForbiddingRule.hits(rule.subject(), ForbiddingRule.keptStems(told)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An exception is met when the story names what it names ("Midsummer Day"), or shares two of its words. */
    private static boolean exceptionMet(String exception, String story, Set<String> storyStems) {
        List<String> names = Prose.names(exception);
        if (!names.isEmpty()) {
            return names.stream().anyMatch(n -> Prose.mentions(story, n));
        }
        return ForbiddingRule.hits(ForbiddingRule.stems(exception), storyStems) >= 2;
    }
}
