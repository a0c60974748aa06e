package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead do not act. A death is read from "X died", "X was killed", "killed X", where X is the
 * subject of the death verb (not a place that merely precedes it: "Vell Harbour sits in a drowned
 * valley" kills nobody). A candidate contradicts it when it refers to X himself (not X's things,
 * "Merrow's boat", nor another of the name, "Ada Merrow") in a sentence that is not about X's
 * memory, body, grave, death or ghost (ghosts only where the lore has them).
 */
final class DeathRule implements ContinuityRule {

    private static final Pattern DIED = Prose.anyOf("died", "dies", "is dead", "was dead", "lay dead", "perished",
            "was slain", "were slain", "was killed", "were killed", "drowned", "was executed", "was hanged",
            "(?:was|were) found dead", "(?:was|were) shot dead", "was dead", "is dead", "breathed (?:his|her) last",
            "passed away", "was lost at sea", "fell in battle", "bled out", "succumbed", "never woke", "is no more",
            "(?:was|were) (?:murdered|struck down|stabbed to death|beaten to death|poisoned|hanged|beheaded)");
    /** "the late Harlan Voss", "Voss's funeral": a death told in passing. */
    private static final Pattern TOLD_IN_PASSING = Pattern.compile("\\bthe late\\s+((?:[A-Z][\\w'-]*\\s*)+)"
            + "|((?:[A-Z][\\w'-]*\\s*)+)['’]s\\s+(?:funeral|grave|wake|burial|body was found|corpse)");
    private static final Pattern KILLED = Pattern.compile("\\b(?:killed|slew|murdered|executed|buried|"
            + "(?:fever|plague|sickness|illness|pox|consumption|cough|sea|river|cold|winter|flu)\\s+(?:took|claimed|carried off))"
            + "\\s+(?:(?:old|young|poor|little)\\s+)?((?:[A-Z][\\w'-]*\\s*)+)");
    /** "he was dead before he hit the floor": the pronoun stands for the last one named before it. */
    private static final Pattern PRONOUN_SUBJECT = Pattern.compile("(?i)\\b(?:he|she)\\s+(?:was\\s+|is\\s+)?$");
    /**
     * Between a subject and its death verb stand only auxiliaries, adverbs, an appositive or a second
     * verb ("was struck down and"); a determiner, pronoun or subordinator there opens another noun
     * phrase or clause, whose subject the dead one is.
     */
    private static final Pattern OTHER_SUBJECT = Prose.anyOf("a", "an", "the", "this", "that", "these", "those", "his",
            "her", "their", "its", "our", "your", "my", "he", "she", "they", "it", "you", "i", "we", "who", "which",
            "because", "when", "while", "if", "since", "after", "before", "until", "where", "of", "in", "on", "at",
            "to", "from", "with", "by", "for", "as", "says?", "said", "says", "than");
    private static final Pattern IN_PHRASE = Pattern.compile("(?i)\\b(?:of|in|at|from|to|on|by|with|near|under|across)\\s+(?:the\\s+)?$");
    private static final Pattern APPOSITIVE = Pattern.compile(",[^,]*,");
    /** A dead person may be remembered, mourned, buried, seen as remains, or their death told again. */
    private static final Pattern NOT_ACTING = Prose.anyOf("remember\\w*", "memor\\w+", "recall\\w*", "corpse", "body",
            "grave", "cairn", "tomb", "coffin", "funeral", "portrait", "photo\\w*", "picture", "dream\\w*", "late",
            "died", "dead", "death", "mourn\\w*", "buried", "used to", "always loved", "ashes", "remains", "statue",
            "killed", "slain", "drowned", "fell", "fallen", "shot", "murdered", "lost", "widow\\w*", "orphan\\w*",
            "named (?:for|after)", "in (?:his|her) name", "once");
    private static final Pattern GHOSTLY = Prose.anyOf("ghost\\w*", "spirit\\w*", "shade", "phantom", "spectr\\w+",
            "wraith", "translucent", "undead", "restless dead", "revenant", "risen", "rises again", "returns? from the dead",
            "voices? of the dead", "their voices", "can still be heard", "haunt\\w*");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.DEATH;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        for (String sentence : Prose.sentences(telling.text())) {
            for (String clause : Prose.clauses(sentence)) {
                String who = null;
                Matcher killed = KILLED.matcher(clause);
                Matcher passing = TOLD_IN_PASSING.matcher(clause);
                if (killed.find()) {
                    who = firstName(killed.group(1));
                } else if (passing.find()) {
                    who = firstName(passing.group(1) != null ? passing.group(1) : passing.group(2));
                } else {
                    int at = sentence.indexOf(clause);
                    who = subjectOfDeath(clause, at > 0 ? sentence.substring(0, at) : "");
                }
                if (who != null) {
                    facts.add(telling.fact(kind(), Prose.withoutTitle(who), "alive", "dead", sentence));
                }
            }
        }
        return facts;
    }

    /** The name a death verb of the clause is said of, or null: the last name before it, when nothing else stands between. */
    private static String subjectOfDeath(String clause, String sentenceBefore) {
        Matcher died = DIED.matcher(clause);
        while (died.find()) {
            if (Character.isUpperCase(clause.charAt(died.start()))) {
                continue; // "the Drowned Fog": a name, not a death
            }
            String before = clause.substring(0, died.start());
            if (PRONOUN_SUBJECT.matcher(before).find()) {
                return pronounsReferent(sentenceBefore + " " + before);
            }
            List<String> names = Prose.names(before);
            if (names.isEmpty()) {
                continue;
            }
            String name = names.getLast();
            int start = before.lastIndexOf(name);
            int end = start + name.length();
            if (start >= 0 && IN_PHRASE.matcher(before.substring(0, start)).find()) {
                continue; // "the old witch of the Briar died": the witch died, not the Briar
            }
            String gap = APPOSITIVE.matcher(before.substring(Math.max(end, 0))).replaceAll(" ");
            if (start >= 0 && !Prose.has(gap, OTHER_SUBJECT) && Prose.words(gap).size() <= 5) {
                return name;
            }
        }
        return null;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        // Whether the lore has ghosts is asked of all the lore in play, so only of a sentence that
        // would otherwise be a contradiction, and once: most candidates meet no dead one at all.
        Boolean loreHasGhosts = null;
        for (Fact fact : scene.facts(kind())) {
            if (!"dead".equals(fact.value())) {
                continue;
            }
            for (String sentence : scene.candidateSentences()) {
                if (!Reference.refersTo(sentence, fact.entity()) || Prose.has(sentence, NOT_ACTING)
                        || Prose.has(sentence, DIED)) {
                    continue;
                }
                if (loreHasGhosts == null) {
                    loreHasGhosts = Prose.has(scene.loreText(), GHOSTLY);
                }
                if ((loreHasGhosts && Prose.has(sentence, GHOSTLY)) || scene.retells(sentence)) {
                    continue;
                }
                found.add(new Breach(kind(), fact, sentence,
                        fact.entity() + " died (" + where(fact) + "), yet the candidate has them present and acting."));
                break;
            }
        }
        return found;
    }

    private static String pronounsReferent(String before) {
        List<String> names = Prose.names(before).stream().filter(n -> !Prose.names(n).isEmpty()).toList();
        return names.isEmpty() ? null : names.getLast();
    }

    private static String firstName(String words) {
        List<String> names = Prose.names(words);
        return names.isEmpty() ? null : names.getFirst();
    }

    static String where(Fact fact) {
        return fact.sinceBeat() == Fact.LORE ? "lore" : "beat " + fact.sinceBeat();
    }
}
