package io.storyteller.command.narration.context;

import io.storyteller.domain.world.LoreContent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lorebook-style lore activation. An entry is active when it is always on, or when one of its
 * trigger keys occurs as a whole word (case-insensitively) in the scanned texts, or — recursively,
 * up to {@value #MAX_DEPTH} steps, as lorebooks do — in the content of an entry already given to
 * the narrator. Step by step (the scanned texts first, then each step of recursion), the newly
 * active entries are ranked by priority, then by how recently a key appeared, and taken while they
 * fit the budget; only the entries taken are read for the next step, as lorebooks read only what
 * they insert, so a key shared by thousands of entries costs one step's ranking, not a cascade.
 * Entries search recalled come last, best first, in what budget is left. Each is given with why.
 */
final class LoreSelector {

    /** Steps of recursion: an entry activated by an entry activated by a key, and no further. */
    static final int MAX_DEPTH = 2;

    /** No match. Always-on entries whose keys did not occur rank after every triggered one of equal priority. */
    private static final int UNSEEN = -1;

    /**
     * Priority first (highest), then recency (newest), then title and id. Written out, not chained: a
     * key shared by thousands of entries has every turn rank them all.
     */
    private static final Comparator<Candidate> RANK = (a, b) -> {
        int order = Integer.compare(b.entry.content().priority(), a.entry.content().priority());
        if (order == 0) {
            order = Integer.compare(b.recency, a.recency);
        }
        if (order == 0) {
            order = a.entry.content().title().compareTo(b.entry.content().title());
        }
        return order != 0 ? order : a.entry.loreEntryId().compareTo(b.entry.loreEntryId());
    };

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
        Set<String> seen = new HashSet<>();
        Map<String, Candidate> direct = new LinkedHashMap<>();
        // The newest text a key occurs in is the one that counts: scan newest first, keep the first seen.
        for (int i = scanTexts.size() - 1; i >= 0; i--) {
            int recency = i;
            lore.activatedByStoryText(scanTexts.get(i)).forEach((id, key) -> direct.computeIfAbsent(id,
                    k -> new Candidate(lore.entry(id), recency, "key:" + key)));
        }
        for (ActiveLore entry : lore.alwaysOn()) {
            direct.putIfAbsent(entry.loreEntryId(), new Candidate(entry, UNSEEN, "always-on"));
        }
        seen.addAll(direct.keySet());
        Taken taken = new Taken(lore, budget);
        List<Candidate> step = taken.fit(direct.values());
        for (int depth = 1; depth <= MAX_DEPTH && !step.isEmpty(); depth++) {
            Map<String, Candidate> next = new LinkedHashMap<>();
            for (Candidate source : step) {
                for (String id : lore.activatedByEntry(source.entry).keySet()) {
                    if (seen.add(id)) {
                        next.put(id, new Candidate(lore.entry(id), UNSEEN, "via:" + source.entry.loreEntryId()));
                    }
                }
            }
            step = taken.fit(next.values());
        }
        List<Candidate> retrieved = new ArrayList<>();
        for (Recalled.RecalledLore hit : recalled) {
            ActiveLore entry = lore.entry(hit.loreEntryId());
            if (entry != null && entry.content() != null && seen.add(hit.loreEntryId())) {
                retrieved.add(new Candidate(entry, UNSEEN, "retrieved: " + hit.reason()));
            }
        }
        taken.fitInOrder(retrieved);
        return taken.selection();
    }

    /** What the budget has taken so far, in the order taken. */
    private static final class Taken {

        private final Lorebook lore;
        private final int budget;
        private int spent;
        private final List<ActiveLore> alwaysOn = new ArrayList<>();
        private final List<ActiveLore> triggered = new ArrayList<>();
        private final Map<String, String> reasons = new HashMap<>();

        Taken(Lorebook lore, int budget) {
            this.lore = lore;
            this.budget = budget;
        }

        /** The candidates, ranked, that fit what is left; a smaller, lower-ranked one may fit where a larger did not. */
        List<Candidate> fit(Collection<Candidate> candidates) {
            List<Candidate> ranked = new ArrayList<>(candidates);
            ranked.sort(RANK);
            return fitInOrder(ranked);
        }

        List<Candidate> fitInOrder(List<Candidate> candidates) {
            List<Candidate> fitted = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (spent >= budget) {
                    break; // every entry costs something
                }
                int cost = lore.cost(candidate.entry);
                if (spent + cost > budget) {
                    continue;
                }
                spent += cost;
                (candidate.entry.content().alwaysOn() ? alwaysOn : triggered).add(candidate.entry);
                reasons.put(candidate.entry.loreEntryId(), candidate.reason);
                fitted.add(candidate);
            }
            return fitted;
        }

        LoreSelection selection() {
            return new LoreSelection(List.copyOf(alwaysOn), List.copyOf(triggered), Map.copyOf(reasons));
        }
    }

    /** What an entry costs in the system message, as {@link SystemPrompt} renders it. */
    static int cost(LoreContent content) {
        return TokenEstimate.of("- " + content.title() + ": " + content.content());
    }

    private record Candidate(ActiveLore entry, int recency, String reason) {
    }
}
