package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead do not act. A death is read from "X died", "X was killed", "killed X"; a candidate
 * contradicts it when it names X in a sentence that is not about X's memory, body, grave or ghost
 * (ghosts only where the lore has them).
 */
final class DeathRule implements ContinuityRule {

    private static final Pattern DIED = Prose.anyOf("died", "dies", "is dead", "was dead", "lay dead", "perished",
            "was slain", "were slain", "was killed", "were killed", "drowned", "was executed", "was hanged");
    private static final Pattern KILLED = Pattern.compile("\\b(?:killed|slew|murdered|executed)\\s+((?:[A-Z][\\w'-]*\\s*)+)");
    /** A dead person may be remembered, mourned, buried or seen as remains. */
    private static final Pattern NOT_ACTING = Prose.anyOf("remember\\w*", "memor\\w+", "recall\\w*", "corpse", "body",
            "grave", "cairn", "tomb", "coffin", "funeral", "portrait", "photo\\w*", "picture", "dream\\w*", "late",
            "died", "dead", "death", "mourn\\w*", "buried", "used to", "always loved", "ashes", "remains", "statue");
    private static final Pattern GHOSTLY = Prose.anyOf("ghost\\w*", "spirit\\w*", "shade", "phantom", "spectr\\w+",
            "wraith", "translucent", "undead", "restless dead", "revenant", "risen", "rises again", "returns? from the dead");

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
                if (killed.find()) {
                    who = firstName(killed.group(1));
                } else {
                    Matcher died = DIED.matcher(clause);
                    if (died.find()) {
                        List<String> before = Prose.names(clause.substring(0, died.start()));
                        who = before.isEmpty() ? null : before.getLast();
                    }
                }
                if (who != null) {
                    facts.add(telling.fact(kind(), Prose.withoutTitle(who), "alive", "dead", sentence));
                }
            }
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        boolean loreHasGhosts = Prose.has(scene.loreText(), GHOSTLY);
        for (Fact fact : scene.facts(kind())) {
            if (!"dead".equals(fact.value())) {
                continue;
            }
            String name = Prose.callName(fact.entity());
            for (String sentence : scene.candidateSentences()) {
                boolean named = Prose.mentions(sentence, name) || Prose.mentions(sentence, fact.entity());
                if (!named || Prose.has(sentence, NOT_ACTING) || (loreHasGhosts && Prose.has(sentence, GHOSTLY))) {
                    continue;
                }
                found.add(new Breach(kind(), fact, sentence,
                        fact.entity() + " died (" + where(fact) + "), yet the candidate has them present and acting."));
                break;
            }
        }
        return found;
    }

    private static String firstName(String words) {
        List<String> names = Prose.names(words);
        return names.isEmpty() ? null : names.getFirst();
    }

    static String where(Fact fact) {
        return fact.sinceBeat() == Fact.LORE ? "lore" : "beat " + fact.sinceBeat();
    }
}
