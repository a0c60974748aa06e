package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the player gave, sold, lent, dropped or burned is no longer theirs until it comes back
 * ("hands you the lantern") or they get another ("I buy a folding umbrella"). A candidate
 * contradicts that when "you" use or hold the item, unless it is a new one or someone else's own.
 */
final class PossessionRule implements ContinuityRule {

    private static final String ITEM = "((?:(?:my|the|a|an|our)\\s+)?(?:[\\w'-]+\\s+){0,3}?)([\\w-]+)";
    private static final String END = "(?=\\s+(?:to|for|into|in|at|as|on|off|over|with|away|so|down|back|across|under|through|onto)\\b|[,.;!]|$)";
    private static final Pattern PARTED = Pattern.compile("(?i)\\bI\\s+(?:\\w+ly\\s+)?(give|trade|sell|hand over|hand|lend|drop|"
            + "burn|throw|toss|lose|pawn|bury|destroy|smash|break)\\s+(?:away\\s+)?" + ITEM + END);
    private static final Pattern REGAINED = Pattern.compile("(?i)\\b(?:hands you|gives you|returns|passes you|tosses you|"
            + "I\\s+(?:buy|take back|pick up|recover|find|retrieve|get back))\\s+(?:back\\s+)?" + ITEM + END);
    /** "You hand the letter across the counter": the parting itself, told as the player asked it. */
    private static final Pattern YOU_PART = Pattern.compile("(?i)\\byou\\s+(?:\\w+ly\\s+)?(give|trade|sell|hand over|hand|lend|"
            + "drop|burn|throw|toss|lose|pawn|bury|destroy|smash|break)\\s+(?:away\\s+)?(?:\\w+\\s+)?" + ITEM + END);
    private static final Pattern NOT_THE_SAME = Prose.anyOf("new", "another", "spare", "second", "own", "replacement",
            "borrowed", "folding", "cheap");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.POSSESSION;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        for (String sentence : Prose.sentences(telling.text())) {
            if (telling.playerAction()) {
                Matcher parted = PARTED.matcher(sentence);
                while (parted.find()) {
                    String how = Prose.lower(parted.group(1));
                    facts.add(telling.fact(kind(), "player", "has " + item(parted), how.equals("lend") ? "lent" : "parted", sentence));
                }
            }
            Matcher regained = REGAINED.matcher(sentence);
            while (regained.find()) {
                facts.add(telling.fact(kind(), "player", "has " + item(regained), "holds", sentence));
            }
        }
        return facts;
    }

    /** The beat (1-based) of the player's last action: the one the candidate answers. */
    private static int lastAction(Scene scene) {
        for (int i = scene.lines().size() - 1; i >= 0; i--) {
            if (scene.lines().get(i).playerAction()) {
                return scene.offset() + i + 1;
            }
        }
        return -1;
    }

    private static boolean tellsParting(String sentence, String item) {
        Matcher parting = YOU_PART.matcher(sentence);
        while (parting.find()) {
            if (item(parting).equals(item) || Prose.singular(item(parting)).equals(Prose.singular(item))) {
                return true;
            }
        }
        return false;
    }

    /** The item's head noun, the word the story will call it by ("family's signet ring": ring). */
    private static String item(Matcher m) {
        return Prose.lower(m.group(m.groupCount()));
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        for (Fact fact : scene.facts(kind())) {
            if (fact.value().equals("holds")) {
                continue;
            }
            String item = fact.attribute().substring("has ".length());
            Pattern yours = Pattern.compile("(?i)\\b(?:your|you\\s+\\w+(?:\\s+(?:the|a|an))?|you\\s+\\w+\\s+(?:the\\s+)?\\w+\\s+your)"
                    + "\\s+(?:[\\w'-]+\\s+){0,3}?" + Pattern.quote(item) + "s?\\b");
            for (String sentence : scene.candidateSentences()) {
                Matcher use = yours.matcher(sentence);
                if (use.find() && !Prose.has(use.group(), NOT_THE_SAME) 
                        && !(fact.sinceBeat() == lastAction(scene) && tellsParting(sentence, item))) {
                    found.add(new Breach(kind(), fact, sentence, "The player " + (fact.value().equals("lent")
                            ? "lent" : "parted with") + " the " + item + " (" + DeathRule.where(fact)
                            + ") and has not got it back, yet the candidate has them use it."));
                    break;
                }
            }
        }
        return found;
    }
}
