package io.storyteller.command.continuity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little reading the rules share: sentences, clauses, proper names and word matching. Plain
 * patterns over English prose; the rules that use them are written for narration, not for any text.
 */
final class Prose {

    private static final Cache<String, List<String>> SENTENCES = Caffeine.newBuilder().maximumSize(20_000).build();
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b(?:Mr|Mrs|Ms|Dr|St)\\.)(?<=[.!?])['\"’”]?\\s+(?=['\"‘“]?[A-Z])");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(";|:|,\\s+(?:and|but|then|while)\\s+|\\s+but\\s+");
    private static final Pattern CAPITALISED = Pattern.compile(
            "\\b[A-Z][\\w’'-]*(?:\\s+(?:of the|of|the|de|van)?\\s*[A-Z][\\w’'-]*)*");
    /** Capitalised words that begin sentences or address the reader; never names on their own. */
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "You", "Your", "I", "My", "He", "She", "It",
            "They", "We", "His", "Her", "Its", "Their", "Our", "At", "In", "On", "By", "As", "From", "With", "Without",
            "When", "While", "Then", "There", "This", "That", "These", "Those", "Only", "One", "Every", "All", "Nothing",
            "Inside", "Under", "Over", "Through", "Beside", "Far", "Around", "Unknown", "Whoever", "Anyone", "Magic",
            "To", "For", "But", "And", "Or", "If", "No", "Nobody", "Two", "Three", "Four", "Five", "Six", "Seven",
            "Eight", "Nine", "Ten", "Twelve", "Spare", "Fire", "Rain", "Smoke", "After", "Before", "Behind", "Below",
            "Above", "Along", "Among", "Until", "Seen", "Whatever", "So", "What", "Where", "Who", "Why", "How", "Yes",
            "Bring", "Watch", "Different", "Same", "Something", "Someone", "Near", "Across", "Outside");
    static final Set<String> TITLES = Set.of("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Master", "Mistress",
            "Captain", "Sir", "Lady", "Lord", "Sheriff", "Deputy", "Doctor", "Dr", "Dr.", "Father", "Mother", "Brother",
            "Sister", "Sergeant", "Commander", "Navigator", "Inspector", "Constable", "King", "Queen", "Prince",
            "Princess", "Professor", "Madam", "Old", "Senator", "Mage", "Ma", "Pa", "Grandma", "Grandpa", "Aunt", "Uncle",
            "Lieutenant", "General", "Colonel", "Major", "Admiral", "Detective", "Officer", "Agent", "Chief", "Abbot");

    private Prose() {
    }

    /** The text's sentences; kept for the texts seen last, as every rule splits the same candidate and beats again. */
    static List<String> sentences(String text) {
        return SENTENCES.get(text, t -> Arrays.stream(SENTENCE_END.split(t.trim())).filter(s -> !s.isBlank()).toList());
    }

    static List<String> clauses(String sentence) {
        return Arrays.stream(CLAUSE_BREAK.split(sentence)).filter(s -> !s.isBlank()).toList();
    }

    /** A case-insensitive pattern matching any of the phrases as whole words. */
    static Pattern anyOf(String... phrases) {
        return Pattern.compile("(?i)\\b(?:" + String.join("|", phrases) + ")\\b");
    }

    static boolean has(String text, Pattern pattern) {
        return text != null && pattern.matcher(text).find();
    }

    /** Whether {@code text} holds {@code phrase} as whole words, ignoring case. A scan, not a pattern compiled per call. */
    static boolean mentions(String text, String phrase) {
        return phrase != null && !phrase.isBlank() && text != null && !wholeWordsAt(text, phrase.trim(), true).isEmpty();
    }

    /**
     * Where {@code phrase} stands in {@code text} as whole words (not inside a longer word or a
     * hyphenated one); with {@code ignoreCase} false, "Harbour" is a name and "harbour" is not.
     */
    static List<Integer> wholeWordsAt(String text, String phrase, boolean ignoreCase) {
        List<Integer> at = new ArrayList<>();
        int n = phrase.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(ignoreCase, i, phrase, 0, n) && !wordChar(text, i - 1) && !wordChar(text, i + n)) {
                at.add(i);
            }
        }
        return at;
    }

    private static boolean wordChar(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** Proper names in order of appearance, titles kept ("Captain Blythe", "Temple of the Dusk"). */
    static List<String> names(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            String name = m.group().replaceAll("[’']s$", "");
            List<String> words = new ArrayList<>(Arrays.asList(name.split("\\s+")));
            while (!words.isEmpty() && NOT_NAMES.contains(words.getFirst())) {
                words.removeFirst();
            }
            if (!words.isEmpty() && !(words.size() == 1 && TITLES.contains(words.getFirst()))) {
                found.add(String.join(" ", words));
            }
        }
        return found;
    }

    /** The name without its title: "Sheriff Amos Kell" is "Amos Kell". */
    static String withoutTitle(String name) {
        List<String> words = new ArrayList<>(Arrays.asList(name.split("\\s+")));
        while (words.size() > 1 && TITLES.contains(words.getFirst())) {
            words.removeFirst();
        }
        return String.join(" ", words);
    }

    /** The word that names someone most surely in later prose: the last word of the untitled name. */
    static String callName(String name) {
        String bare = withoutTitle(name);
        return bare.contains(" of ") ? bare : bare.substring(bare.lastIndexOf(' ') + 1);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A crude singular, enough to match "guards" with "guard" and "biscuits" with "biscuit". */
    static String singular(String word) {
        String w = lower(word);
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ves") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "f";
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static List<String> words(String text) {
        return Arrays.stream(lower(text).split("[^\\p{L}\\p{N}'-]+")).filter(w -> !w.isBlank()).toList();
    }
}
