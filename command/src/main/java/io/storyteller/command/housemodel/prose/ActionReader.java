package io.storyteller.command.housemodel.prose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a player's action as a clause with the lexicon: the actor ("I", "we", an imperative, or a
 * name before a verb form), an optional modal and adverb, the verb, and what follows it, in the
 * narrator's second person. Only the first clause is read; a complement too long to echo safely is
 * cut before its first preposition. What cannot be read yields {@link PlayerAction#unread()}, and
 * the narrator then says the player acts without echoing words it could not parse.
 */
final class ActionReader {

    static final int MAX_COMPLEMENT_WORDS = 12;

    private static final Pattern QUOTED = Pattern.compile("[\"“”]([^\"“”]{1,200})[\"“”]");
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;:]|,|\\s(and then|then|but)\\s");
    private static final Set<String> MODALS = Set.of("will", "would", "can", "could", "shall", "should", "may",
            "might", "must", "cannot");
    private static final Set<String> SPEECH = Set.of("say", "ask", "shout", "whisper", "call", "reply", "yell",
            "mutter", "cry", "answer", "tell");
    private static final Set<String> BREAKS = Set.of("to", "for", "with", "in", "on", "at", "from", "into", "onto",
            "towards", "toward", "under", "over", "through", "behind", "beside", "near", "and", "while", "until",
            "because", "before", "after", "across", "along", "by", "of", "that", "which", "who");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "my", "your", "his", "her", "its",
            "our", "their", "this", "that", "these", "those", "some", "every", "each", "any", "no", "all");
    private static final Map<String, String> FIRST_TO_SECOND = Map.ofEntries(
            Map.entry("i", "you"), Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"),
            Map.entry("myself", "yourself"), Map.entry("we", "you"), Map.entry("us", "you"),
            Map.entry("our", "your"), Map.entry("ours", "yours"), Map.entry("ourselves", "yourselves"),
            Map.entry("am", "are"));
    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("i'm", "I am"), Map.entry("i'll", "I will"), Map.entry("i've", "I have"),
            Map.entry("i'd", "I would"), Map.entry("we're", "we are"), Map.entry("we'll", "we will"),
            Map.entry("don't", "do not"), Map.entry("doesn't", "does not"), Map.entry("can't", "cannot"),
            Map.entry("won't", "will not"), Map.entry("didn't", "did not"), Map.entry("isn't", "is not"));

    private final EnglishGrammar grammar;

    ActionReader(EnglishGrammar grammar) {
        this.grammar = grammar;
    }

    PlayerAction read(String action) {
        if (action == null || action.isBlank()) {
            return PlayerAction.unread();
        }
        String text = action.strip().replace('’', '\'').replaceFirst("^>\\s*", "");
        String quote = null;
        Matcher quoted = QUOTED.matcher(text);
        if (quoted.find()) {
            quote = quoted.group(1).strip();
            text = text.substring(0, quoted.start());
        }
        Matcher end = CLAUSE_END.matcher(text);
        if (end.find()) {
            text = text.substring(0, end.start());
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            return PlayerAction.unread();
        }
        return read(words, quote);
    }

    private PlayerAction read(List<String> words, String quote) {
        String first = words.getFirst().toLowerCase(Locale.ROOT);
        int at;
        String subject;
        if (first.equals("i") || first.equals("we") || first.equals("you")) {
            subject = PlayerAction.YOU;
            at = 1;
        } else if (grammar.isBaseVerb(first) || leadingAdverb(words)) {
            subject = PlayerAction.YOU;
            at = 0;
        } else {
            at = namedSubjectEnd(words);
            if (at < 0) {
                return PlayerAction.unread();
            }
            subject = String.join(" ", words.subList(0, at));
        }
        boolean second = PlayerAction.YOU.equals(subject);
        String modal = null;
        if (at < words.size() && MODALS.contains(words.get(at).toLowerCase(Locale.ROOT))) {
            modal = words.get(at++).toLowerCase(Locale.ROOT);
        }
        String adverb = null;
        if (at < words.size() && words.get(at).toLowerCase(Locale.ROOT).endsWith("ly") && grammar.isAdverb(words.get(at))) {
            adverb = words.get(at++).toLowerCase(Locale.ROOT);
        }
        if (at >= words.size()) {
            return PlayerAction.unread();
        }
        String verbWord = words.get(at).toLowerCase(Locale.ROOT);
        String verb = grammar.isBaseVerb(verbWord) ? verbWord : grammar.verbBase(verbWord);
        if (verb == null && at > 0 && !grammar.isKnown(verbWord)) {
            // After "I" or a name comes a verb, even one the lexicon lacks ("I trim", "Mira trims").
            verb = second ? verbWord : Inflection.base(verbWord);
        }
        if (verb == null) {
            return PlayerAction.unread();
        }
        List<String> rest = new ArrayList<>(words.subList(at + 1, words.size()));
        if (second) {
            rest.replaceAll(w -> FIRST_TO_SECOND.getOrDefault(w.toLowerCase(Locale.ROOT), w));
        }
        rest = shortened(rest);
        if (rest == null) {
            return PlayerAction.unread();
        }
        String spoken = quote != null && SPEECH.contains(verb) ? sentence(quote) : null;
        return new PlayerAction(subject, modal, adverb, verb, String.join(" ", rest), spoken);
    }

    /** "Quietly open the door": an imperative led by its adverb. */
    private boolean leadingAdverb(List<String> words) {
        String first = words.getFirst().toLowerCase(Locale.ROOT);
        return words.size() > 1 && first.endsWith("ly") && grammar.isAdverb(first)
                && grammar.isBaseVerb(words.get(1).toLowerCase(Locale.ROOT));
    }

    /** Where a named actor ends: capitalised words (and "the", "of") right before a verb form; -1 if none. */
    private int namedSubjectEnd(List<String> words) {
        if (!Character.isUpperCase(words.getFirst().charAt(0))) {
            return -1;
        }
        for (int k = 1; k < Math.min(words.size(), 5); k++) {
            String word = words.get(k);
            boolean verbForm = grammar.verbBase(word) != null && !grammar.isBaseVerb(word)
                    || !grammar.isKnown(word) && Inflection.isThirdPerson(word);
            if (Character.isLowerCase(word.charAt(0)) && verbForm) {
                return k;
            }
            boolean nameWord = Character.isUpperCase(word.charAt(0)) || word.equals("of") || word.equals("the");
            if (!nameWord) {
                return -1;
            }
        }
        return -1;
    }

    /** The complement as echoed: a bare noun gets its article, a long one is cut before a preposition. */
    private List<String> shortened(List<String> rest) {
        if (rest.size() > MAX_COMPLEMENT_WORDS) {
            int cut = -1;
            for (int i = 1; i <= MAX_COMPLEMENT_WORDS && cut < 0; i++) {
                cut = BREAKS.contains(rest.get(i).toLowerCase(Locale.ROOT)) ? i : -1;
            }
            if (cut < 0) {
                return null;
            }
            rest = new ArrayList<>(rest.subList(0, cut));
        }
        while (!rest.isEmpty() && (BREAKS.contains(rest.getLast().toLowerCase(Locale.ROOT))
                || DETERMINERS.contains(rest.getLast().toLowerCase(Locale.ROOT)))) {
            rest.removeLast(); // "the door of the" would end mid-phrase
        }
        if (!rest.isEmpty()) {
            String head = rest.getFirst().toLowerCase(Locale.ROOT);
            boolean bareNoun = Character.isLowerCase(rest.getFirst().charAt(0)) && !DETERMINERS.contains(head)
                    && grammar.isNoun(head) && !head.endsWith("s") && grammar.verbBase(head) == null
                    && (rest.size() == 1 || BREAKS.contains(rest.get(1).toLowerCase(Locale.ROOT)));
            if (bareNoun) {
                rest.addFirst("the");
            }
        }
        return rest;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : text.strip().split("\\s+")) {
            String expanded = CONTRACTIONS.get(raw.toLowerCase(Locale.ROOT));
            for (String word : expanded == null ? List.of(raw) : Arrays.asList(expanded.split(" "))) {
                // Only letters, digits, apostrophes and hyphens are echoed: no markup, no emoji.
                String clean = word.replaceAll("[^\\p{L}\\p{N}'-]", "").replaceAll("^['-]+|['-]+$", "");
                if (!clean.isEmpty()) {
                    words.add(clean);
                }
            }
        }
        return words;
    }

    /** Spoken words as a sentence of their own: capitalised, ending in a full stop unless they ask or exclaim. */
    private static String sentence(String quote) {
        String words = quote.strip().replaceAll("[^\\p{L}\\p{N}'?!.,\\s-]", "").replaceAll("\\s+", " ").strip();
        if (words.isEmpty()) {
            return null;
        }
        words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return words.matches(".*[.!?]$") ? words : words.replaceAll("[,]+$", "") + ".";
    }
}
