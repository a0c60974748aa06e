package io.storyteller.command.narration.context;

import io.storyteller.domain.world.LoreContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lorebook-style lore activation. An entry is active when it is always on, or when one of its
 * trigger keys occurs as a whole word (case-insensitively) in the scanned texts, or — recursively,
 * up to {@value #MAX_DEPTH} steps, as lorebooks do — in the content of an entry already active.
 * Active entries are ranked by priority, then by directness (scanned texts before recursion), then
 * by how recently a key appeared; entries search recalled come after them, best first. They are
 * taken while they fit the budget, each with why it is there.
 */
final class LoreSelector {

    /** Steps of recursion: an entry activated by an entry activated by a key, and no further. */
    static final int MAX_DEPTH = 2;

    /** No match. Always-on entries whose keys did not occur rank after every triggered one of equal priority. */
    private static final int UNSEEN = -1;

    private LoreSelector() {
    }

    /**
     * @param scanTexts texts to look for keys in, oldest first (the action last)
     * @param budget    estimated tokens the lore may take
     */
    static LoreSelection select(List<ActiveLore> entries, List<String> scanTexts, int budget) {
        return select(entries, scanTexts, budget, List.of());
    }

    /**
     * As above, and then the entries search recalled that no key activated, best first, after every
     * activated entry: keys are the world author's explicit intent, retrieval a guess.
     */
    static LoreSelection select(List<ActiveLore> entries, List<String> scanTexts, int budget,
            List<Recalled.RecalledLore> recalled) {
        Map<String, Candidate> active = new LinkedHashMap<>();
        KeyMentions mentions = new KeyMentions(); // keys are tried against many texts, and shared by many entries
        for (ActiveLore entry : entries) {
            if (entry.content() == null) {
                continue;
            }
            Match match = lastMention(entry.content(), scanTexts, mentions);
            if (match != null) {
                active.put(entry.loreEntryId(), new Candidate(entry, match.index(), 0, "key:" + match.key()));
            } else if (entry.content().alwaysOn()) {
                active.put(entry.loreEntryId(), new Candidate(entry, UNSEEN, 0, "always-on"));
            }
        }
        activateRecursively(entries, active, mentions);
        List<Candidate> ranked = new ArrayList<>(active.values());
        ranked.sort(Comparator.comparingInt((Candidate c) -> c.entry.content().priority()).reversed()
                .thenComparingInt(c -> c.depth)
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.recency).reversed())
                .thenComparing(c -> c.entry.content().title())
                .thenComparing(c -> c.entry.loreEntryId()));
        Map<String, ActiveLore> byId = new HashMap<>();
        entries.forEach(entry -> byId.put(entry.loreEntryId(), entry));
        for (Recalled.RecalledLore hit : recalled) {
            ActiveLore entry = byId.get(hit.loreEntryId());
            if (entry != null && entry.content() != null && !active.containsKey(hit.loreEntryId())) {
                Candidate found = new Candidate(entry, UNSEEN, MAX_DEPTH + 1, "retrieved: " + hit.reason());
                active.put(hit.loreEntryId(), found);
                ranked.add(found);
            }
        }
        List<ActiveLore> alwaysOn = new ArrayList<>();
        List<ActiveLore> triggered = new ArrayList<>();
        Map<String, String> reasons = new HashMap<>();
        int spent = 0;
        for (Candidate candidate : ranked) {
            int cost = cost(candidate.entry.content());
            if (spent + cost > budget) {
                continue; // a smaller, lower-ranked entry may still fit
            }
            spent += cost;
            (candidate.entry.content().alwaysOn() ? alwaysOn : triggered).add(candidate.entry);
            reasons.put(candidate.entry.loreEntryId(), candidate.reason);
        }
        return new LoreSelection(List.copyOf(alwaysOn), List.copyOf(triggered), Map.copyOf(reasons));
    }

    /** Entries whose keys occur in the content of active ones join, depth by depth. */
    private static void activateRecursively(List<ActiveLore> entries, Map<String, Candidate> active,
            KeyMentions mentions) {
        List<Candidate> frontier = new ArrayList<>(active.values());
        for (int depth = 1; depth <= MAX_DEPTH && !frontier.isEmpty(); depth++) {
            List<Candidate> next = new ArrayList<>();
            for (ActiveLore entry : entries) {
                if (entry.content() == null || active.containsKey(entry.loreEntryId())) {
                    continue;
                }
                for (Candidate source : frontier) {
                    Match match = lastMention(entry.content(), List.of(source.entry.content().content()), mentions);
                    if (match != null) {
                        Candidate activated = new Candidate(entry, UNSEEN, depth, "via:" + source.entry.loreEntryId());
                        active.put(entry.loreEntryId(), activated);
                        next.add(activated);
                        break;
                    }
                }
            }
            frontier = next;
        }
    }

    /** What an entry costs in the system message, as {@link SystemPrompt} renders it. */
    static int cost(LoreContent content) {
        return TokenEstimate.of("- " + content.title() + ": " + content.content());
    }

    /** The latest scanned text holding one of the entry's keys, and the key; null when none does. */
    private static Match lastMention(LoreContent content, List<String> scanTexts, KeyMentions mentions) {
        List<String> keys = content.triggerKeys() == null ? List.of()
                : content.triggerKeys().stream().filter(k -> k != null && !k.isBlank()).toList();
        for (int i = scanTexts.size() - 1; i >= 0; i--) {
            String text = scanTexts.get(i);
            if (text == null) {
                continue;
            }
            for (String key : keys) {
                if (mentions.mentions(key.strip(), text)) {
                    return new Match(i, key.strip());
                }
            }
        }
        return null;
    }

    private record Match(int index, String key) {
    }

    private record Candidate(ActiveLore entry, int recency, int depth, String reason) {
    }
}
