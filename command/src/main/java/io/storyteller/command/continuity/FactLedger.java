package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts that stand, in the order they were last established: a fact replaces the one with its
 * key (a regained item, a later time of day, a correction).
 */
public final class FactLedger {

    private final Map<String, Fact> facts = new LinkedHashMap<>();

    public void record(Fact fact) {
        facts.remove(fact.key());
        facts.put(fact.key(), fact);
    }

    public void recordAll(List<Fact> more) {
        more.forEach(this::record);
    }

    /** Replaces the value of the fact with {@code key}; false when no such fact stands. */
    public boolean correct(String key, String value) {
        Fact fact = facts.get(key);
        if (fact == null) {
            return false;
        }
        facts.put(key, fact.withValue(value));
        return true;
    }

    public List<Fact> facts() {
        return new ArrayList<>(facts.values());
    }
}
