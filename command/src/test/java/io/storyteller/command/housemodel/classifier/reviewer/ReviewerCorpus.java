package io.storyteller.command.housemodel.classifier.reviewer;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic corpus whose two kinds differ in style, as players' ratings do at their extremes:
 * good narrations are concrete, vivid and move the story; poor ones are flat, vague and repeat
 * themselves. Each text is made from its own place and object, so no two are the same.
 */
public final class ReviewerCorpus {

    private static final String[] PLACES = {"harbour", "tower", "orchard", "chapel", "market", "bridge", "forge",
            "library", "cellar", "meadow", "quarry", "lighthouse", "garden", "stable", "mill", "ferry"};
    private static final String[] THINGS = {"lantern", "map", "bell", "blade", "letter", "key", "rope", "compass",
            "coin", "mask", "drum", "ring", "cloak", "flute", "seal", "ledger"};

    private ReviewerCorpus() {
    }

    /** The i-th good narration. */
    public static String good(int i) {
        String place = PLACES[i % PLACES.length];
        String thing = THINGS[(i * 5 + 3) % THINGS.length];
        return "Rain hammers the slate roofs of the " + place + " as you lift the " + thing
                + "; amber light spills across the cobbles, and a hooded stranger steps from the shadows, whispering "
                + "that the tide turns at midnight.";
    }

    /** The i-th poor narration. */
    public static String poor(int i) {
        String place = PLACES[(i * 3 + 1) % PLACES.length];
        String thing = THINGS[(i * 7 + 2) % THINGS.length];
        return "You are at the " + place + ". Nothing happens. There is a " + thing
                + ". Nothing happens. You do the thing. It is okay. Nothing happens.";
    }

    public static List<String> goods(int from, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            texts.add(good(i));
        }
        return texts;
    }

    public static List<String> poors(int from, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            texts.add(poor(i));
        }
        return texts;
    }

    /** A RATINGS line as the corpus export writes it. */
    public static String ratingLine(String response, int rating) {
        return "{\"prompt\":[{\"role\":\"user\",\"content\":\"I look around.\"}],\"response\":\"" + response
                + "\",\"rating\":" + rating + ",\"rater\":\"u-1\"}";
    }

    /** A PREFERENCES line as the corpus export writes it. */
    public static String preferenceLine(String chosen, String rejected) {
        return "{\"prompt\":[{\"role\":\"user\",\"content\":\"I look around.\"}],\"chosen\":\"" + chosen
                + "\",\"rejected\":\"" + rejected + "\",\"source\":\"retry\"}";
    }
}
