package io.storyteller.domain.story;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts that stand in a story, folded from its fact events: the one statement of how readings,
 * pins, corrections and erasures combine, shared by the Story aggregate and the narration pipeline
 * (the read model {@code story_facts} applies the same rules in SQL).
 * <ul>
 *   <li>A beat's reading replaces what that beat established before (an edited or retried beat is
 *       read again); each of its facts stands unless a person holds the key (pinned or corrected)
 *       or a later beat established it (a higher {@code sinceBeat}).</li>
 *   <li>A pin makes its fact stand, a correction changes a standing fact's value; both hold the key
 *       against every later reading.</li>
 *   <li>Erased beats take the facts they established with them, except those a person holds.</li>
 * </ul>
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class StandingFacts {

    /** The standing facts by key, in the order they were last established. */
    private final Map<String, StoryFact> facts = new LinkedHashMap<>();
    /** The beat whose reading established each standing fact that no person holds. */
    private final Map<String, String> sources = new HashMap<>();
    /** Keys a person pinned or corrected. */
    private final Set<String> held = new HashSet<>();

    /** Folds a story's event payloads, oldest first; payloads that are not fact events (or erasures) are skipped. */
    public static StandingFacts of(Collection<?> payloads) {
        StandingFacts standing = new StandingFacts();
        payloads.forEach(standing::apply);
        return standing;
    }

    /** Folds one payload in; anything but a fact event or an erasure changes nothing. */
    public void apply(Object payload) {
        switch (payload) {
            case StoryFactsRecorded e -> recorded(e.beatId(), e.facts());
            case StoryFactPinned e -> pinned(e.factKey(), e.fact());
            case StoryFactCorrected e -> corrected(e.factKey(), e.value());
            case BeatsErased e -> erased(e.beatIds());
            case null, default -> {
                // not about facts
            }
        }
    }

    void recorded(String beatId, List<StoryFact> read) {
        sources.entrySet().removeIf(source -> {
            boolean fromThisBeat = source.getValue().equals(beatId);
            if (fromThisBeat) {
                facts.remove(source.getKey());
            }
            return fromThisBeat;
        });
        for (StoryFact fact : read) {
            String key = fact.key();
            StoryFact standing = facts.get(key);
            if (held.contains(key) || (standing != null && standing.sinceBeat() > fact.sinceBeat())) {
                continue;
            }
            facts.remove(key);
            facts.put(key, fact);
            sources.put(key, beatId);
        }
    }

    void pinned(String key, StoryFact fact) {
        facts.remove(key);
        facts.put(key, fact);
        sources.remove(key);
        held.add(key);
    }

    void corrected(String key, String value) {
        facts.computeIfPresent(key, (k, fact) -> fact.withValue(value));
        sources.remove(key);
        held.add(key);
    }

    void erased(List<String> beatIds) {
        Set<String> erased = Set.copyOf(beatIds);
        sources.entrySet().removeIf(source -> {
            boolean fromErased = erased.contains(source.getValue());
            if (fromErased) {
                facts.remove(source.getKey());
            }
            return fromErased;
        });
    }

    /** The facts that stand, in the order they were last established. */
    public List<StoryFact> facts() {
        return new ArrayList<>(facts.values());
    }

    public StoryFact fact(String key) {
        return facts.get(key);
    }

    /** Whether a person pinned or corrected the key: the engine's readings leave it alone. */
    public boolean held(String key) {
        return held.contains(key);
    }
}
