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
    static LoreSelection select(Lorebook lore, List<String> scanTexts, int budget) {
        return select(lore, scanTexts, budget, List.of());
    }

    /**
     * As above, and then the entries search recalled that no key activated, best first, after every
     * activated entry: keys are the world author's explicit intent, retrieval a guess.
     */
    static LoreSelection select(Lorebook lore, List<String> scanTexts, int budget, List<Recalled.RecalledLore> recalled) {
        Map<String, Candidate> active = new LinkedHashMap<>();
        // The newest text a key occurs in is the one that counts: scan newest first, keep the first seen.
        for (int i = scanTexts.size() - 1; i >= 0; i--) {
            int recency = i;
            lore.activatedBy(scanTexts.get(i)).forEach((id, key) -> active.computeIfAbsent(id,
                    k -> new Candidate(lore.entry(id), recency, 0, "key:" + key)));
        }
        for (ActiveLore entry : lore.alwaysOn()) {
            active.putIfAbsent(entry.loreEntryId(), new Candidate(entry, UNSEEN, 0, "always-on"));
        }
        activateRecursively(lore, active);
        List<Candidate> ranked = new ArrayList<>(active.values());
        ranked.sort(Comparator.comparingInt((Candidate c) -> c.entry.content().priority()).reversed()
                .thenComparingInt(c -> c.depth)
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.recency).reversed())
                .thenComparing(c -> c.entry.content().title())
                .thenComparing(c -> c.entry.loreEntryId()));
        for (Recalled.RecalledLore hit : recalled) {
            ActiveLore entry = lore.entry(hit.loreEntryId());
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

    /**
     * Entries whose keys occur in the content of active ones join, depth by depth; each names the
     * first entry of the step before (in the world's order) whose content holds one of its keys.
     */
    private static void activateRecursively(Lorebook lore, Map<String, Candidate> active) {
        List<Candidate> frontier = new ArrayList<>(active.values());
        frontier.sort(Comparator.comparingInt(c -> lore.position(c.entry.loreEntryId())));
        for (int depth = 1; depth <= MAX_DEPTH && !frontier.isEmpty(); depth++) {
            List<Candidate> next = new ArrayList<>();
            for (Candidate source : frontier) {
                for (String id : lore.activatedByEntry(source.entry).keySet()) {
                    ActiveLore entry = lore.entry(id);
                    if (!active.containsKey(id) && entry.content() != null) {
                        Candidate activated = new Candidate(entry, UNSEEN, depth, "via:" + source.entry.loreEntryId());
                        active.put(id, activated);
                        next.add(activated);
                    }
                }
            }
            next.sort(Comparator.comparingInt(c -> lore.position(c.entry.loreEntryId())));
            frontier = next;
        }
    }

    /** What an entry costs in the system message, as {@link SystemPrompt} renders it. */
    static int cost(LoreContent content) {
        return TokenEstimate.of("- " + content.title() + ": " + content.content());
    }

    private record Candidate(ActiveLore entry, int recency, int depth, String reason) {
    }
}
