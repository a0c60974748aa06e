package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The player is where they last went. Where a beat puts the player ("I climb to the top floor",
 * "I hide in the cellar", "From the ninth-floor window you see") is a fact, read as a level of the
 * building: below ground, ground, or above. A candidate that puts "you" on another level, with no
 * move of its own, contradicts it; what is heard or radioed from another level does not.
 */
final class LocationRule implements ContinuityRule {

    private static final Pattern BELOW = Prose.anyOf("basement", "cellar", "crypt", "sewers?", "dungeon", "vault",
            "underground", "mine", "bunker", "catacombs?");
    private static final Pattern ABOVE = Prose.anyOf("roof", "rooftop", "attic", "top floor", "\\w+th[- ]floor",
            "second floor", "third floor", "eaves", "belfry", "lamp room", "tower top", "battlements", "rampart");
    private static final Pattern GROUND = Prose.anyOf("ground floor", "kitchen", "lobby", "street", "yard", "parking lot");
    private static final Pattern PLAYER_THERE = Prose.anyOf("I", "you", "your", "around you", "beneath your feet");
    private static final Pattern MOVES = Prose.anyOf("climb\\w*", "descend\\w*", "go(?:es)? (?:up|down)", "went",
            "run\\w* (?:up|down)", "stagger\\w*", "drop\\w* (?:down|into)", "follow\\w*", "lead\\w*", "walk\\w*", "hurr\\w+",
            "stairs", "ladder", "trapdoor", "lift", "elevator", "jump\\w*");
    private static final Pattern FROM_AFAR = Prose.anyOf("far (?:above|below)", "overhead", "hear\\w*", "radio\\w*",
            "call\\w* (?:down|up)", "shout\\w*", "whisper\\w*", "window", "through the", "below you", "above you", "on the roof");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.LOCATION;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        if (telling.lore() || !Prose.has(telling.text(), PLAYER_THERE)) {
            return facts;
        }
        String level = level(telling.text());
        if (level != null) {
            facts.add(telling.fact(kind(), "player", "level", level, telling.text()));
        } else if (telling.playerAction() && Prose.has(telling.text(), MOVES)) {
            facts.add(telling.fact(kind(), "player", "level", "unknown", telling.text()));
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        for (Fact fact : scene.facts(kind())) {
            if (fact.value().equals("unknown")) {
                continue;
            }
            for (String sentence : scene.candidateSentences()) {
                String there = level(sentence);
                if (there != null && !there.equals(fact.value()) && Prose.has(sentence, PLAYER_THERE)
                        && !Prose.has(sentence, MOVES) && !Prose.has(sentence, FROM_AFAR)) {
                    found.add(new Breach(kind(), fact, sentence, "The player is " + fact.value() + " ("
                            + DeathRule.where(fact) + "), yet the candidate puts them " + there + " without a move."));
                    break;
                }
            }
        }
        return found;
    }

    /** The level a text puts its speaker on, the last one it names. */
    private static String level(String text) {
        int below = last(BELOW, text);
        int above = last(ABOVE, text);
        int ground = last(GROUND, text);
        int most = Math.max(below, Math.max(above, ground));
        if (most < 0) {
            return null;
        }
        return most == below ? "below ground" : most == above ? "above ground" : "on the ground";
    }

    private static int last(Pattern pattern, String text) {
        var m = pattern.matcher(text);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        return at;
    }
}
