package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destroyed place stays destroyed unless it is rebuilt. The place is the named one in the clause
 * that destroys it, or a place noun ("the bridge") resolved to a name told before that holds it. A
 * candidate contradicts it when it shows the place whole or in use and not as ruins.
 */
final class DestroyedPlaceRule implements ContinuityRule {

    private static final Pattern DESTROYED = Prose.anyOf("burn(?:ed|t) to the ground", "burn(?:ed|t) (?:out|down)",
            "(?:was|were|been) destroyed", "destroyed", "razed", "collaps\\w+", "blew up", "blown up", "firebombed",
            "was ash", "(?:is|was|lay|lies) in ruins", "split \\w+(?: \\w+)? open", "came down", "caved in",
            "buried under", "reduced to rubble", "levelled", "leveled", "torn down", "demolished", "sank", "gutted", "torched",
            "left nothing but (?:ash|ashes|rubble|cinders|embers)",
            "(?:was|is) a (?:blackened|burned-out|burnt-out|charred) shell");
    private static final Pattern REBUILT = Prose.anyOf("rebuilt", "restored", "repaired", "reopened", "raised anew");
    private static final Pattern RUINS = Prose.anyOf("ruin\\w*", "remains?", "remnants?", "rubble", "ash\\w*", "charred",
            "blackened", "stumps?", "foundations?", "wreck\\w*", "burn(?:ed|t)", "destroyed", "collapsed", "what's left",
            "once stood", "broken", "gutted", "shell", "debris", "scorched", "smoulder\\w*", "smolder\\w*", "taped off",
            "buried", "fallen", "gone");
    private static final Pattern WHOLE = Prose.anyOf("untouched", "undamaged", "intact", "unharmed", "unscathed",
            "as you left", "as always", "always has", "cross(?:es|ed|ing)?", "brisk", "crowded", "full of", "open",
            "stands", "answers from", "stairs", "inside", "enter\\w*", "busy", "lit", "bustl\\w+", "packed",
            "wave\\w* from", "windows? glow\\w*", "over (?:its|the) planks");
    private static final String PLACES = "(?:bridge|temple|tower|tavern|inn|shop|bar|dome|crypt|entrance|chapel|church|"
            + "house|mill|hall|castle|fort|station|gate|barn|stable|library|manor|keep|village|town|lighthouse|shrine|"
            + "monastery|abbey|cottage|farmhouse|warehouse|factory|palace|market|school|hospital|ship|dam|wall)";
    private static final Pattern PLACE_NOUN = Pattern.compile("(?i)\\b((?:[a-z]+\\s+)?" + PLACES + "(?:\\s+" + PLACES + ")?)\\b");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.DESTROYED_PLACE;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        for (String sentence : Prose.sentences(telling.text())) {
            for (String clause : Prose.clauses(sentence)) {
                Matcher destroyed = DESTROYED.matcher(clause);
                if (!destroyed.find()) {
                    continue;
                }
                String place = place(clause, destroyed, telling.toldBefore() + " " + sentence);
                if (place == null) {
                    continue;
                }
                boolean rebuilt = Prose.has(sentence, REBUILT);
                facts.add(telling.fact(kind(), place, "standing", rebuilt ? "rebuilt" : "destroyed", sentence));
            }
        }
        return facts;
    }

    /**
     * The place a clause destroys: after an active verb ("blew up the stone bridge") its object,
     * otherwise its subject ("the Temple of the Dusk burned"); "it" is the last place named before.
     */
    private static String place(String clause, Matcher destroyed, String told) {
        String before = clause.substring(0, destroyed.start());
        String after = clause.substring(destroyed.end());
        if (before.matches("(?is).*\\b(?:it|which)\\s+(?:was\\s+|had been\\s+|is\\s+)?$")) {
            return lastPlaceName(told);
        }
        List<String> inVerb = placeNames(destroyed.group());
        if (!inVerb.isEmpty()) {
            return inVerb.getFirst();
        }
        boolean active = !Prose.lower(destroyed.group()).matches("(?:was|were|been|is|lay|lies|burn|collaps|sank|came|caved|gutted).*")
                && after.matches("(?s)\\s+(?:the\\s+|a\\s+|an\\s+)?\\S.*");
        String object = active ? String.join(" ", after.trim().split("\\s+", 6)) : "";
        String subject = before;
        for (String part : active ? List.of(object, subject) : List.of(subject)) {
            Matcher noun = PLACE_NOUN.matcher(part);
            List<String> names = placeNames(part);
            if (active && part == object && noun.find() && (names.isEmpty() || part.indexOf(noun.group()) < part.indexOf(names.getFirst()))) {
                return resolve(noun.group(1), told);
            }
            if (!names.isEmpty()) {
                return active && part == object ? names.getFirst() : names.getLast();
            }
            String last = null;
            Matcher nouns = PLACE_NOUN.matcher(part);
            while (nouns.find()) {
                last = nouns.group(1);
            }
            if (last != null) {
                return resolve(last, told);
            }
        }
        return null;
    }

    private static List<String> placeNames(String text) {
        return Prose.names(text).stream().filter(n -> !Prose.TITLES.contains(n.split(" ")[0])).toList();
    }

    /** "the bridge" is the Kingsbridge when a name told before holds the noun; otherwise the noun phrase itself. */
    private static String resolve(String nounPhrase, String told) {
        String phrase = Prose.lower(nounPhrase).replaceFirst("^(?:the|a|an|his|her|its|their|of|and|by|morning)\\s+", "");
        String head = phrase.substring(phrase.lastIndexOf(' ') + 1);
        for (String name : Prose.names(told).reversed()) {
            if (Prose.lower(name).contains(head)) {
                return name;
            }
        }
        return phrase;
    }

    private static String lastPlaceName(String told) {
        for (String name : Prose.names(told).reversed()) {
            if (PLACE_NOUN.matcher(name).find()) {
                return name;
            }
        }
        return null;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        for (Fact fact : scene.facts(kind())) {
            if (!"destroyed".equals(fact.value()) || Prose.has(scene.storyAfter(fact.sinceBeat()), REBUILT)) {
                continue;
            }
            for (String sentence : scene.candidateSentences()) {
                if (shows(sentence, fact.entity()) && !Prose.has(sentence, RUINS) && Prose.has(sentence, WHOLE)) {
                    found.add(new Breach(kind(), fact, sentence, fact.entity() + " was destroyed ("
                            + DeathRule.where(fact) + "), yet the candidate shows it whole or in use."));
                    break;
                }
            }
        }
        return found;
    }

    /** A named place is shown by its name; an unnamed one by each of its words ("crypt entrance": the crypt). */
    private static boolean shows(String sentence, String place) {
        if (Character.isUpperCase(place.charAt(0))) {
            return Prose.mentions(sentence, place);
        }
        return Prose.words(place).stream().anyMatch(w -> Prose.mentions(sentence, w));
    }
}
