package io.storyteller.command.housemodel.prose;

import io.storyteller.command.brief.BriefLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the narrator can say of a lore entry: the entry's own sentences (written by the world's
 * admins, so grounded and grammatical), and sentences that name the entry, for when the chosen
 * sentence does not. Naming sentences are realised with the actor as subject, so they agree with
 * "you" and with a named actor alike.
 */
final class LoreSentences {

    static final int MIN_WORDS = 5;
    static final int MAX_WORDS = 32;

    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“])");

    /** Verb and complement of a naming sentence; %s is the entry's title. */
    private record Frame(String verb, String complement) {
    }

    private static final List<Frame> FRAMES = List.of(
            new Frame("remember", "what people say of %s"),
            new Frame("think", "of %s"),
            new Frame("recall", "the old stories about %s"),
            new Frame("know", "this much of %s"),
            new Frame("feel", "the nearness of %s"),
            new Frame("keep", "%s in mind"));

    private static final List<String> MODAL_FRAMES = List.of(
            "%s will not be far from this.",
            "%s cannot be left out of it.",
            "%s may yet have a part to play.",
            "Nothing here can be understood without %s.");

    private LoreSentences() {
    }

    /** Lore that tells the narrator how to write, not what is so: never quoted nor named in a story. */
    private static final Set<String> INSTRUCTION_CATEGORIES = Set.of("style", "tone", "instructions", "meta", "narration");
    /** Words of sentences that speak to the narrator ("Stories should treat magic as rare"). */
    private static final Pattern INSTRUCTION = Pattern.compile(
            "(?i)\\b(should|player|players|narrat\\w*|narration|story|stories|scene|scenes|genre|reader)\\b");

    private static final Set<String> PRONOUNS = Set.of("It", "Its", "He", "She", "His", "Her", "They", "Their",
            "Them", "This", "These", "Those", "That", "Such", "Both", "Neither");

    /** Whether the entry is about the world (not how to tell it), so it may be quoted and named. */
    static boolean tellable(BriefLore lore) {
        return !INSTRUCTION_CATEGORIES.contains(lore.category().strip().toLowerCase(Locale.ROOT));
    }

    /** The entry's sentences that can stand alone in a narration. */
    static List<String> details(BriefLore lore, EnglishGrammar grammar) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_BREAK.split(lore.content().strip())) {
            String s = sentence.strip();
            int words = s.split("\\s+").length;
            boolean whole = !s.isEmpty() && Character.isUpperCase(s.charAt(0)) && s.matches("(?s).*[.!?][\"”]?$");
            boolean balanced = s.chars().filter(c -> c == '"').count() % 2 == 0 && s.indexOf('“') < 0 && s.indexOf('(') < 0;
            String first = s.split("\\s+")[0];
            // "Its only form is…" quoted alone would point at whatever came before it.
            boolean statement = !INSTRUCTION.matcher(s).find() && !grammar.isBaseVerb(first) && !PRONOUNS.contains(first);
            if (whole && balanced && statement && words >= MIN_WORDS && words <= MAX_WORDS && !s.contains("\n")) {
                sentences.add(s);
            }
        }
        return sentences;
    }

    /**
     * Whether the sentence names the entry: by its title ("Drowned Fog" for "The Drowned Fog") or by
     * a trigger key that is a proper name ("Gilded Eel" for "The Gilded Eel tavern").
     */
    static boolean names(String sentence, BriefLore lore) {
        String text = sentence.toLowerCase(Locale.ROOT);
        return text.contains(bareTitle(lore).toLowerCase(Locale.ROOT)) || lore.triggerKeys().stream()
                .filter(k -> k != null && k.strip().length() > 3 && Character.isUpperCase(k.strip().charAt(0)))
                .anyMatch(k -> text.contains(k.strip().toLowerCase(Locale.ROOT)));
    }

    /** Whether one of the entry's trigger keys occurs in the text as a whole word: the text is about it. */
    static boolean keyedBy(BriefLore lore, String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'-]+", " ") + " ";
        return lore.triggerKeys().stream().filter(k -> k != null && !k.isBlank())
                .anyMatch(k -> lower.contains(" " + k.strip().toLowerCase(Locale.ROOT) + " "));
    }

    /** Sentences that name the entry, in the actor's person. */
    static List<String> naming(BriefLore lore, PlayerAction actor, EnglishGrammar grammar) {
        String title = midSentence(name(lore));
        List<String> sentences = new ArrayList<>();
        // "Oren remembers what people say of Oren": an actor is not told of itself.
        boolean itself = !actor.secondPerson() && (lore.title().toLowerCase(Locale.ROOT).contains(actor.subject().toLowerCase(Locale.ROOT))
                || actor.subject().toLowerCase(Locale.ROOT).contains(bareTitle(lore).toLowerCase(Locale.ROOT)));
        for (Frame frame : itself ? List.<Frame>of() : FRAMES) {
            sentences.add(grammar.clause(actor.subject(), false, null, null, frame.verb(),
                    frame.complement().formatted(title), null));
        }
        for (String frame : MODAL_FRAMES) {
            String sentence = frame.formatted(frame.startsWith("%") ? capitalised(name(lore)) : title);
            sentences.add(sentence);
        }
        return sentences;
    }

    /** A title inside a sentence: "The Drowned Fog" reads "the Drowned Fog". */
    static String midSentence(String title) {
        return title.matches("^The\\s+\\S.*") ? "the" + title.substring(3) : title;
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The title up to its first comma: "Mother Brine, the Tide Witch" is named "Mother Brine". */
    static String name(BriefLore lore) {
        String title = lore.title().strip();
        int comma = title.indexOf(',');
        return comma > 0 ? title.substring(0, comma).strip() : title;
    }

    private static String bareTitle(BriefLore lore) {
        return name(lore).replaceFirst("^(?i)the\\s+", "");
    }
}
