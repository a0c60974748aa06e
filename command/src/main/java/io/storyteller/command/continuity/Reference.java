package io.storyteller.command.continuity;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence speaks of a named someone or something itself. The name must stand as a name
 * (capitalised: "harbour" is not "Vell Harbour"), and not as a modifier of something else: not
 * possessive ("Merrow's boat" is the boat), not after "the" ("the Harrow girl" is the girl), not
 * after another given name ("Ada Merrow" is Ada), not before another name ("Kell Road").
 */
final class Reference {

    private static final Pattern POSSESSIVE = Pattern.compile("^['’]s?\\b");
    private static final Pattern ATTRIBUTIVE_BEFORE = Pattern.compile("(?i)\\b(?:the|a|an)\\s+$");
    private static final Pattern WORD_BEFORE = Pattern.compile("([A-Z][\\w'’-]*)\\s+$");
    private static final Pattern NAME_AFTER = Pattern.compile("^\\s+[A-Z][\\w'’-]*");
    /** Words a sentence may begin with, capitalised only for that; never a given name. */
    private static final Set<String> NOT_GIVEN_NAMES = Set.of("The", "A", "An", "And", "But", "Then", "When", "While",
            "As", "At", "In", "On", "Of", "For", "With", "By", "From", "To", "So", "Now", "Only", "Even", "Poor", "Dear",
            "Young", "Little", "Big", "Good", "That", "This", "Where", "Here", "There", "If", "Yes", "No", "Oh", "Ask",
            "Tell", "Find", "Call", "Tomorrow", "Today", "Tonight", "Yesterday");

    private Reference() {
    }

    /** Whether {@code sentence} names {@code entity} (the untitled name) as the one it speaks of. */
    static boolean refersTo(String sentence, String entity) {
        List<String> own = Arrays.asList(entity.split("\\s+"));
        String call = Prose.callName(entity);
        for (String name : entity.equals(call) ? List.of(entity) : List.of(entity, call)) {
            for (int at : Prose.wholeWordsAt(sentence, name, false)) {
                if (standsAlone(sentence, at, at + name.length(), own)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean standsAlone(String sentence, int start, int end, List<String> own) {
        String before = sentence.substring(0, start);
        String after = sentence.substring(end);
        if (POSSESSIVE.matcher(after).find() || ATTRIBUTIVE_BEFORE.matcher(before).find()) {
            return false;
        }
        var next = NAME_AFTER.matcher(after);
        if (next.find() && !own.contains(next.group().trim())) {
            return false;
        }
        var previous = WORD_BEFORE.matcher(before);
        if (previous.find()) {
            String word = previous.group(1);
            return own.contains(word) || Prose.TITLES.contains(word) || NOT_GIVEN_NAMES.contains(word);
        }
        return true;
    }
}
