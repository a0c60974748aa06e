package io.storyteller.command.narration.context;

import io.storyteller.domain.world.LoreContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lorebook-style lore activation. An entry is active when it is always on, or when one of its
 * trigger keys occurs as a whole word (case-insensitively) in the scanned texts. Active entries
 * are ranked by priority, then by how recently a key appeared, and taken while they fit the budget.
 */
final class LoreSelector {

    /** No match. Always-on entries whose keys did not occur rank after every triggered one of equal priority. */
    private static final int UNSEEN = -1;

    private LoreSelector() {
    }

    /**
     * @param scanTexts texts to look for keys in, oldest first (the action last)
     * @param budget    estimated tokens the lore may take
     */
    static LoreSelection select(List<ActiveLore> entries, List<String> scanTexts, int budget) {
        List<Candidate> ranked = new ArrayList<>();
        for (ActiveLore entry : entries) {
            if (entry.content() == null) {
                continue;
            }
            int recency = lastMention(entry.content(), scanTexts);
            if (entry.content().alwaysOn() || recency != UNSEEN) {
                ranked.add(new Candidate(entry, recency));
            }
        }
        ranked.sort(Comparator.comparingInt((Candidate c) -> c.entry.content().priority()).reversed()
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.recency).reversed())
                .thenComparing(c -> c.entry.content().title())
                .thenComparing(c -> c.entry.loreEntryId()));
        List<ActiveLore> alwaysOn = new ArrayList<>();
        List<ActiveLore> triggered = new ArrayList<>();
        int spent = 0;
        for (Candidate candidate : ranked) {
            int cost = cost(candidate.entry.content());
            if (spent + cost > budget) {
                continue; // a smaller, lower-ranked entry may still fit
            }
            spent += cost;
            (candidate.entry.content().alwaysOn() ? alwaysOn : triggered).add(candidate.entry);
        }
        return new LoreSelection(List.copyOf(alwaysOn), List.copyOf(triggered));
    }

    /** What an entry costs in the system message, as {@link SystemPrompt} renders it. */
    static int cost(LoreContent content) {
        return TokenEstimate.of("- " + content.title() + ": " + content.content());
    }

    /** The index of the latest scanned text holding one of the entry's keys, or {@link #UNSEEN}. */
    private static int lastMention(LoreContent content, List<String> scanTexts) {
        List<Pattern> keys = content.triggerKeys() == null ? List.of()
                : content.triggerKeys().stream().filter(k -> k != null && !k.isBlank()).map(LoreSelector::wholeWord).toList();
        for (int i = scanTexts.size() - 1; i >= 0; i--) {
            String text = scanTexts.get(i);
            if (text != null && keys.stream().anyMatch(key -> key.matcher(text).find())) {
                return i;
            }
        }
        return UNSEEN;
    }

    private static Pattern wholeWord(String key) {
        // Letters, digits and underscore count as word characters in every script, so "Ash" misses "ashes".
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(key.strip()) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private record Candidate(ActiveLore entry, int recency) {
    }
}
