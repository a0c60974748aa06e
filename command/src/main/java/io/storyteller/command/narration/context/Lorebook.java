package io.storyteller.command.narration.context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A world's active lore as of one revision, indexed by trigger key: which entries a text activates
 * costs one pass over the text's words, not a test of every key of every entry. A key occurs in a
 * text when it does as a whole word, case-insensitively (so "Ash" misses "ashes"); every word of a
 * key that does occurs in the text as a word of its own, in the key's order and next to each other,
 * so each key is filed under its rarest word (among all keys' words) and its characters are compared
 * only where the text's words hold the key's words in a row.
 * Keys without a word character ("!!") are searched for in every text, by a whole-word pattern. Immutable once built and thread-safe; what an entry's own content
 * activates is remembered, as recursion asks it turn after turn.
 */
public final class Lorebook {

    private static final Lorebook EMPTY = new Lorebook(List.of());
    /** Story texts whose activations a lorebook keeps: the recent beats of the world's stories in play. */
    static final int STORY_TEXTS_KEPT = 2048;

    private final List<ActiveLore> entries;
    private final Map<String, ActiveLore> byId = new HashMap<>();
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, List<Trigger>> byWord = new HashMap<>();
    private final List<Trigger> wordless = new ArrayList<>();
    private final List<ActiveLore> alwaysOn = new ArrayList<>();
    private final Map<String, Map<String, String>> activatedByContent = new ConcurrentHashMap<>();
    /** What recent story texts activate: a beat is scanned on every turn while it is recent, read once here. */
    private final Cache<String, Map<String, String>> activatedByStory = Caffeine.newBuilder()
            .maximumSize(STORY_TEXTS_KEPT).build();
    private final Map<String, Integer> costs = new ConcurrentHashMap<>();

    private Lorebook(List<ActiveLore> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Pattern> patterns = new HashMap<>(); // keys without words; many entries share a key
        List<Trigger> triggers = new ArrayList<>();
        for (ActiveLore entry : this.entries) {
            byId.put(entry.loreEntryId(), entry);
            position.put(entry.loreEntryId(), position.size());
            if (entry.content() != null && entry.content().alwaysOn()) {
                alwaysOn.add(entry);
            }
            if (entry.content() == null || entry.content().triggerKeys() == null) {
                continue;
            }
            int order = 0;
            for (String raw : entry.content().triggerKeys()) {
                if (raw != null && !raw.isBlank()) {
                    String key = raw.strip();
                    triggers.add(new Trigger(entry, key, order++,
                            words(key).isEmpty() ? patterns.computeIfAbsent(key, Lorebook::wholeWord) : null));
                }
            }
        }
        Map<String, Integer> keysWithWord = new HashMap<>();
        triggers.forEach(trigger -> trigger.words.forEach(word -> keysWithWord.merge(word, 1, Integer::sum)));
        for (Trigger trigger : triggers) {
            trigger.words.stream().min(Comparator.comparingInt((String word) -> keysWithWord.get(word))
                            .thenComparing(Comparator.naturalOrder()))
                    .ifPresentOrElse(rarest -> byWord.computeIfAbsent(rarest, w -> new ArrayList<>()).add(trigger),
                            () -> wordless.add(trigger));
        }
    }

    public static Lorebook of(List<ActiveLore> entries) {
        return entries == null || entries.isEmpty() ? EMPTY : new Lorebook(entries);
    }

    /** The entries, in the world's order. */
    public List<ActiveLore> entries() {
        return entries;
    }

    /** The entries that are always active, in the world's order. */
    List<ActiveLore> alwaysOn() {
        return alwaysOn;
    }

    public ActiveLore entry(String loreEntryId) {
        return byId.get(loreEntryId);
    }

    /** Where the entry stands in the world's order; entries unknown here come last. */
    int position(String loreEntryId) {
        return position.getOrDefault(loreEntryId, Integer.MAX_VALUE);
    }

    /**
     * The entries one of whose keys occurs in the text, in the world's order, each with the first of
     * its keys (in its own order) that does.
     */
    public Map<String, String> activatedBy(String text) {
        if (text == null || text.isEmpty() || entries.isEmpty()) {
            return Map.of();
        }
        Map<String, Trigger> first = new HashMap<>();
        Words textWords = Words.of(text);
        Map<String, List<Integer>> at = new HashMap<>();
        for (int i = 0; i < textWords.size(); i++) {
            at.computeIfAbsent(textWords.word(i), w -> new ArrayList<>()).add(i);
        }
        for (String word : at.keySet()) {
            for (Trigger trigger : byWord.getOrDefault(word, List.of())) {
                if (earlier(trigger, first) && occursAtAWord(trigger, text, textWords, at)) {
                    first.put(trigger.entry.loreEntryId(), trigger);
                }
            }
        }
        for (Trigger trigger : wordless) {
            if (earlier(trigger, first) && trigger.pattern.matcher(text).find()) {
                first.put(trigger.entry.loreEntryId(), trigger);
            }
        }
        List<Trigger> found = new ArrayList<>(first.values());
        found.sort((a, b) -> Integer.compare(position(a.entry.loreEntryId()), position(b.entry.loreEntryId())));
        Map<String, String> activated = new LinkedHashMap<>();
        found.forEach(trigger -> activated.put(trigger.entry.loreEntryId(), trigger.key));
        return activated;
    }

    /**
     * As {@link #activatedBy}, for a text of the story (a beat, an action) that will be scanned again
     * on the turns it stays recent: kept for this revision of the lore.
     */
    Map<String, String> activatedByStoryText(String text) {
        if (text == null || text.isEmpty() || entries.isEmpty()) {
            return Map.of();
        }
        return activatedByStory.get(text, this::activatedBy);
    }

    /** What an entry costs in the system message ({@link LoreSelector#cost}), computed once per revision. */
    int cost(ActiveLore entry) {
        return costs.computeIfAbsent(entry.loreEntryId(), id -> LoreSelector.cost(entry.content()));
    }

    /** What the content of one of this lorebook's entries activates, read once per revision. */
    Map<String, String> activatedByEntry(ActiveLore entry) {
        if (entry.content() == null || entry.content().content() == null) {
            return Map.of();
        }
        return activatedByContent.computeIfAbsent(entry.loreEntryId(), id -> activatedBy(entry.content().content()));
    }

    /** Whether no key of the trigger's entry was found yet, or only a later one of its keys. */
    private static boolean earlier(Trigger trigger, Map<String, Trigger> first) {
        Trigger known = first.get(trigger.entry.loreEntryId());
        return known == null || trigger.order < known.order;
    }

    /**
     * Whether the key occurs in the text as a whole word, case-insensitively: what its whole-word
     * pattern would find, tried only where the text's words hold the key's words in a row. A match of
     * the pattern starts its first word at one of the text's word starts (the character before it is
     * no word character), so testing the key's characters there, and the characters on either side,
     * finds every match the pattern would, without running it over the whole text.
     */
    private static boolean occursAtAWord(Trigger trigger, String text, Words textWords, Map<String, List<Integer>> at) {
        List<String> keyWords = trigger.words;
        for (int start : at.getOrDefault(keyWords.getFirst(), List.of())) {
            if (start + keyWords.size() <= textWords.size()
                    && textWords.words().subList(start, start + keyWords.size()).equals(keyWords)
                    && keyAt(trigger, text, textWords.offset(start) - trigger.lead)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key is at {@code from} in the text (case-insensitively) with no word character on either side. */
    private static boolean keyAt(Trigger trigger, String text, int from) {
        int to = from + trigger.key.length();
        return from >= 0 && to <= text.length()
                && text.regionMatches(true, from, trigger.key, 0, trigger.key.length())
                && (from == 0 || !wordCharacter(text.codePointBefore(from)))
                && (to == text.length() || !wordCharacter(text.codePointAt(to)));
    }

    /**
     * The text's words, case-folded: runs of letters, digits and underscores, the characters the
     * whole-word pattern counts as word characters. The fold is the one that pattern applies
     * ({@code toLowerCase(toUpperCase(c))} per code point), so a key the pattern finds has its
     * words among the text's.
     */
    static List<String> words(String text) {
        return Words.of(text).words();
    }

    /** A text's words ({@link #words}) and where each starts in it. */
    private record Words(List<String> words, int[] offsets) {

        static Words of(String text) {
            List<String> words = new ArrayList<>();
            int[] offsets = new int[8];
            StringBuilder word = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int c = text.codePointAt(i);
                if (wordCharacter(c)) {
                    if (word.isEmpty()) {
                        if (words.size() == offsets.length) {
                            offsets = Arrays.copyOf(offsets, offsets.length * 2);
                        }
                        offsets[words.size()] = i;
                    }
                    word.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c)));
                } else if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                i += Character.charCount(c);
            }
            if (!word.isEmpty()) {
                words.add(word.toString());
            }
            return new Words(words, offsets);
        }

        int size() {
            return words.size();
        }

        String word(int index) {
            return words.get(index);
        }

        int offset(int index) {
            return offsets[index];
        }
    }

    private static boolean wordCharacter(int c) {
        if (c == '_' || Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static Pattern wholeWord(String key) {
        // Letters, digits and underscore count as word characters in every script, so "Ash" misses "ashes".
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * A key of an entry, its place among the entry's keys, its words (case-folded), how many characters
     * come before its first word character, and, for a key without words, its whole-word pattern.
     */
    private record Trigger(ActiveLore entry, String key, int order, List<String> words, int lead, Pattern pattern) {

        Trigger(ActiveLore entry, String key, int order, Pattern pattern) {
            this(entry, key, order, Lorebook.words(key), lead(key), pattern);
        }

        private static int lead(String key) {
            int i = 0;
            while (i < key.length() && !wordCharacter(key.codePointAt(i))) {
                i += Character.charCount(key.codePointAt(i));
            }
            return i;
        }
    }
}
