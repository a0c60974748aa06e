package io.storyteller.command.housemodel.prose;

import io.storyteller.command.brief.BriefFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Sentences that set the scene and hand the turn back: the world's weather and sounds (only those
 * whose key word the world's own texts use, so a harbour gets fog and a desert does not), a fact of
 * the story, and an opening for the player's next move. Each is a finished sentence written for
 * the project; none speaks or decides for a player.
 */
final class SceneSentences {

    /** A key word the world must know, and a sentence that uses it. */
    private record Ambient(String key, String sentence) {
    }

    private static final List<Ambient> AMBIENT = List.of(
            new Ambient("fog", "The fog thickens, and the world beyond arm's reach goes soft and grey."),
            new Ambient("fog", "A ribbon of fog drifts past and takes the nearest sounds with it."),
            new Ambient("mist", "Mist beads on every surface and gathers in cold drops."),
            new Ambient("wind", "The wind shifts and carries a colder breath than before."),
            new Ambient("wind", "A gust of wind worries at loose cloth and rattles something far off."),
            new Ambient("sea", "Somewhere below, the sea breathes in long, slow swells."),
            new Ambient("waves", "Waves break against stone with a patient, steady rhythm."),
            new Ambient("water", "Dark water laps at the stones and slides away again."),
            new Ambient("salt", "The air tastes of salt and old rope."),
            new Ambient("lantern", "A lantern gutters nearby and steadies again."),
            new Ambient("lanterns", "The lanterns burn low, each one a small island of gold."),
            new Ambient("bell", "A bell tolls once in the distance and falls silent."),
            new Ambient("gulls", "Gulls cry overhead and wheel away into the grey."),
            new Ambient("rain", "A thin rain begins to fall and darkens the stones."),
            new Ambient("fire", "The fire cracks and sends a spiral of sparks upward."),
            new Ambient("smoke", "A thread of smoke curls past and thins into nothing."),
            new Ambient("stone", "The old stone underfoot is cold and worn smooth by years."),
            new Ambient("shadows", "Shadows pool in the corners and seem to lean closer."),
            new Ambient("candle", "A candle flame bends low, then stands upright again."),
            new Ambient("forest", "Branches creak somewhere in the forest, though no wind stirs."),
            new Ambient("trees", "The trees stand close together and keep their own counsel."),
            new Ambient("snow", "Snow sifts down in slow flakes and muffles every step."),
            new Ambient("sand", "Sand hisses across the ground in restless streams."),
            new Ambient("dust", "Dust turns slowly in a shaft of pale light."),
            new Ambient("river", "The river murmurs past without pausing."),
            new Ambient("stars", "Overhead, the first stars prick through the dark."),
            new Ambient("moon", "The moon slides out from behind a cloud and silvers the ground."),
            new Ambient("night", "The night draws in close and quiet."),
            new Ambient("street", "Footsteps echo down the street and fade away."),
            new Ambient("crowd", "A murmur passes through the crowd and dies down."),
            new Ambient("rope", "Ropes creak as something heavy shifts its weight."),
            new Ambient("ships", "Moored ships knock gently against their fenders."),
            new Ambient("boat", "A boat rocks at its mooring and knocks against the pier."),
            new Ambient("iron", "Somewhere, iron scrapes on iron and stops."));

    private static final List<String> AMBIENT_ANYWHERE = List.of(
            "The air grows still, as if the place itself is listening.",
            "For a heartbeat, nothing moves at all.",
            "A small sound carries from somewhere out of sight and then stops.",
            "The light changes by a shade, and the moment passes.",
            "Silence settles over everything like a held breath.");

    private static final List<String> HOOKS_FOR_YOU = List.of(
            "The next move is yours.",
            "What you do next is up to you.",
            "The way ahead waits for your choice.",
            "Several paths lie open now, and each of them begins with you.",
            "Whatever comes next, it will start with your decision.",
            "For now, the choice rests in your hands.");

    private static final List<String> HOOKS_FOR_NAMED = List.of(
            "The next move belongs to %s.",
            "Everyone waits to see what %s will do next.",
            "What happens next rests with %s.",
            "The choice now lies with %s.");

    private SceneSentences() {
    }

    /** Weather and sound for a world whose texts contain the words {@code known} accepts. */
    static List<String> ambient(Predicate<String> known) {
        List<String> sentences = new ArrayList<>();
        AMBIENT.stream().filter(a -> known.test(a.key())).forEach(a -> sentences.add(a.sentence()));
        sentences.addAll(AMBIENT_ANYWHERE);
        return sentences;
    }

    static List<String> hooks(PlayerAction action) {
        if (action.secondPerson()) {
            return HOOKS_FOR_YOU;
        }
        return HOOKS_FOR_NAMED.stream().map(h -> h.formatted(action.subject())).toList();
    }

    /** A fact as a plain statement ("The beacon is dark."), or null when it is missing a part. */
    static String fact(BriefFact fact) {
        if (blank(fact.entity()) || blank(fact.value())) {
            return null;
        }
        String entity = fact.entity().strip();
        String attribute = blank(fact.attribute()) ? "state" : fact.attribute().strip().toLowerCase(Locale.ROOT);
        String value = fact.value().strip().replaceAll("[.!?]+$", "");
        String be = entity.matches(".*[^s]s$") ? "are" : "is";
        String sentence = switch (attribute) {
            case "state", "status", "condition", "is" -> entity + " " + be + " " + value;
            case "location", "place", "where" -> entity + " " + be + " " + (startsWithPreposition(value) ? "" : "at ") + value;
            default -> "The " + attribute + " of " + LoreSentences.midSentence(entity) + " is " + value;
        };
        return LoreSentences.capitalised(sentence) + ".";
    }

    private static boolean startsWithPreposition(String value) {
        return value.matches("(?i)^(in|at|on|near|under|inside|beside|behind|by|above|below)\\s.*");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
