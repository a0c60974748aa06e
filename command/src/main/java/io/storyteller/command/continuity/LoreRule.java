package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lore's rules hold. A rule is a lore sentence that forbids ("cannot", "can never", "forbids",
 * "is powerless", "are jammed"); what comes before its marker is when it applies, what follows is
 * what it forbids, and "except"/"unless" opens its exception. A candidate breaks the rule when the
 * story has met its condition, not its exception, and the candidate does the forbidden thing (in
 * the same words or words of one idea, see {@link Kinship}) without being stopped.
 */
final class LoreRule implements ContinuityRule {

    private static final Pattern FORBIDS = Pattern.compile("(?i)\\b(?:cannot|can't|can never|may never|may not|must not|"
            + "never|forbids? \\w+ from (?:ever )?|is powerless|are powerless|are jammed|is jammed|can only|"
            + "(?:nobody|no one|none)(?: \\w+)? (?:can|may|could))\\b");
    private static final Pattern EXCEPT = Pattern.compile("(?i)\\b(?:except|unless|save when|but on)\\b");
    private static final Pattern STOPPED = Prose.anyOf("no further", "cannot", "can't", "fails?", "failed", "nothing happens",
            "won't", "will not", "refuses?", "no signal", "dead air", "stops?", "halts?", "does not", "doesn't",
            "in vain", "only static", "can not", "unable");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "to", "and", "or", "by", "it",
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
            String topic = String.join(" ", Prose.words(sentence).stream().filter(w -> !STOP.contains(w)).limit(2).toList());
            String[] clauses = sentence.split(";");
            for (int i = 0; i < clauses.length; i++) {
                if (FORBIDS.matcher(clauses[i]).find()) {
                    facts.add(telling.fact(kind(), topic, "rule " + (i + 1), clauses[i].trim(), sentence));
                }
            }
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        Set<String> story = stems(scene.storyAfter(0));
        for (Fact fact : scene.facts(kind())) {
            String rule = fact.value();
            Matcher except = EXCEPT.matcher(rule);
            boolean excepted = except.find();
            String body = excepted ? rule.substring(0, except.start()) : rule;
            Matcher marker = FORBIDS.matcher(body);
            if (!marker.find() || (excepted && exceptionMet(rule.substring(except.end()), scene.storyAfter(0)))) {
                continue;
            }
            Set<String> condition = stems(body.substring(0, marker.start()));
            Set<String> forbidden = stems(body.substring(marker.end()));
            if (forbidden.isEmpty()) {
                forbidden.addAll(stems(fact.entity()));
            }
            condition.removeAll(forbidden);
            if (!condition.isEmpty() && overlap(widened(condition), story).isEmpty()) {
                continue;
            }
            for (String sentence : scene.candidateSentences()) {
                if (!overlap(widened(forbidden), stems(sentence)).isEmpty() && !Prose.has(sentence, STOPPED)) {
                    found.add(new Breach(kind(), fact, sentence, "The lore says: \"" + rule
                            + "\"; the story meets that rule's condition, and the candidate breaks it."));
                    break;
                }
            }
        }
        return found;
    }

    /** An exception is met when the story names what it names ("Midsummer Day"), or shares two of its words. */
    private static boolean exceptionMet(String exception, String story) {
        List<String> names = Prose.names(exception);
        if (!names.isEmpty()) {
            return names.stream().anyMatch(n -> Prose.mentions(story, n));
        }
        return overlap(stems(exception), stems(story)).size() >= 2;
    }

    private static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : Prose.words(text)) {
            if (!STOP.contains(word) && word.length() > 2) {
                stems.add(Kinship.stem(word));
            }
        }
        return stems;
    }

    private static Set<String> widened(Set<String> stems) {
        Set<String> all = new HashSet<>();
        stems.forEach(s -> all.addAll(Kinship.widen(s)));
        return all;
    }

    private static Set<String> overlap(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
