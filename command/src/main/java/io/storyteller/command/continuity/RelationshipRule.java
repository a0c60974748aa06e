package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kinship does not undo itself. Kin are read from "X and Y are sisters", "X's three sons, A, B
 * and C", "X is the daughter of Y" or "raised ... as her own son"; a candidate contradicts kinship
 * when it has one of them deny it about the other ("we'd never met", "a hired man"), but not in a
 * likeness ("like strangers"). Rivalries and friendships may change for a reason, so they are kept
 * as facts without being enforced.
 */
final class RelationshipRule implements ContinuityRule {

    private static final String KIN = "(?:sisters?|brothers?|siblings?|half-siblings?|twins?|sons?|daughters?|mother|father|"
            + "parents?|cousins?|husband|wife|uncle|aunt|nephew|niece|grand\\w+)";
    private static final Pattern PAIR = Pattern.compile("([A-Z][\\w'-]+)(?:\\s+[A-Z][\\w'-]+)?\\s+and\\s+([A-Z][\\w'-]+)"
            + "(?:\\s+[A-Z][\\w'-]+)?\\s+(?:are|were)\\s+(?:\\w+\\s+){0,2}?(" + KIN + ")\\b");
    private static final Pattern LISTED = Pattern.compile("([A-Z][\\w'-]+)(?:'s)?\\s+[^.]*?\\b(?:her|his|their)\\s+(?:\\w+\\s+)?("
            + KIN + ")\\s*,\\s*((?:[A-Z][\\w'-]+(?:,\\s*|\\s+and\\s+)?)+)");
    private static final Pattern OF = Pattern.compile("([A-Z][\\w'-]+)(?:\\s+[A-Z][\\w'-]+)?\\s+(?:is|was)\\s+(?:the\\s+)?(?:\\w+\\s+){0,2}?("
            + KIN + ")\\s+of\\s+(?:the\\s+)?(?:old\\s+)?([A-Z][\\w'-]+)");
    /** "Mabel's sister, June", "June, Mabel's sister", "Mabel and her sister June", "June is Mabel's sister". */
    private static final String NAMED = "([A-Z][\\w'-]+)(?:\\s+[A-Z][\\w'-]+)?";
    private static final String AGE = "(?:(?:older|younger|elder|little|baby|big|twin|only|half|kid|step)[- ])?";
    private static final List<Pattern> POSSESSED = List.of(
            Pattern.compile(NAMED + "['’]s\\s+" + AGE + "(" + KIN + ")\\s*,?\\s+([A-Z][\\w'-]+)"),
            Pattern.compile(NAMED + ",\\s+" + NAMED + "['’]s\\s+" + AGE + "(" + KIN + ")\\b"),
            Pattern.compile(NAMED + "\\s+and\\s+(?:her|his|their)\\s+" + AGE + "(" + KIN + ")\\s*,?\\s+([A-Z][\\w'-]+)"),
            Pattern.compile("([A-Z][\\w'-]+)(?:\\s+[A-Z][\\w'-]+)?\\s+(?:is|was)\\s+([A-Z][\\w'-]+)['’]s\\s+" + AGE + "(" + KIN + ")\\b"));
    private static final Pattern DENIED = Prose.anyOf("never met", "first met", "had never seen", "not related",
            "no relation", "no kin", "hired (?:man|hand|girl)", "answered my advertisement", "a stranger to",
            "strangers", "met (?:her|him) at", "never knew (?:her|him)", "unrelated", "an only child",
            "no (?:brothers|sisters|siblings|children|family)", "never had a (?:sister|brother|son|daughter|child)",
            "(?:just|only) met", "met (?:her|him) (?:last|only|yesterday)", "never met the (?:man|woman)");
    private static final Pattern LIKENESS = Prose.anyOf("like strangers", "as strangers", "as if (?:they|we) were strangers");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.RELATIONSHIP;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        for (String sentence : Prose.sentences(telling.text())) {
            Matcher pair = PAIR.matcher(sentence);
            while (pair.find()) {
                facts.add(telling.fact(kind(), pair.group(1) + " & " + pair.group(2), "kin", Prose.lower(pair.group(3)), sentence));
            }
            Matcher listed = LISTED.matcher(sentence);
            while (listed.find()) {
                for (String member : listed.group(3).split(",\\s*|\\s+and\\s+")) {
                    if (!member.isBlank()) {
                        facts.add(telling.fact(kind(), listed.group(1) + " & " + member.trim(), "kin",
                                Prose.lower(listed.group(2)), sentence));
                    }
                }
            }
            for (int p = 0; p < POSSESSED.size(); p++) {
                Matcher m = POSSESSED.get(p).matcher(sentence);
                while (m.find()) {
                    // Patterns 0 and 2 name the possessor, the kin word, then the other; 1 and 3 the other first.
                    String kin = Prose.lower(p == 0 || p == 2 ? m.group(2) : m.group(3));
                    String a = p == 0 || p == 2 ? m.group(1) : m.group(2);
                    String b = p == 0 || p == 2 ? m.group(3) : m.group(1);
                    if (!a.equals(b)) {
                        facts.add(telling.fact(kind(), a + " & " + b, "kin", kin, sentence));
                    }
                }
            }
            Matcher of = OF.matcher(sentence);
            while (of.find()) {
                facts.add(telling.fact(kind(), of.group(1) + " & " + of.group(3), "kin", Prose.lower(of.group(2)), sentence));
            }
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        for (Fact fact : scene.facts(kind())) {
            String[] pair = fact.entity().split(" & ");
            for (String sentence : scene.candidateSentences()) {
                boolean aboutThem = Prose.mentions(sentence, pair[0]) || Prose.mentions(sentence, pair[1]);
                if (aboutThem && Prose.has(sentence, DENIED) && !Prose.has(sentence, LIKENESS) && !scene.retells(sentence)) {
                    found.add(new Breach(kind(), fact, sentence, pair[0] + " and " + pair[1] + " are kin ("
                            + fact.value() + ", " + DeathRule.where(fact) + "), yet the candidate denies it."));
                    break;
                }
                KinClaims.Claim other = KinClaims.of(sentence).stream()
                        .filter(c -> (c.name().equals(pair[0]) || c.name().equals(pair[1])) && KinClaims.disagrees(fact.value(), c.role()))
                        .findFirst().orElse(null);
                if (other != null && !scene.retells(sentence)) {
                    found.add(new Breach(kind(), fact, sentence, pair[0] + " and " + pair[1] + " are kin ("
                            + fact.value() + ", " + DeathRule.where(fact) + "), yet the candidate calls " + other.name()
                            + " " + other.role() + "."));
                    break;
                }
            }
        }
        return found;
    }
}
