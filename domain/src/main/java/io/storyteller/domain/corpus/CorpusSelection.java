package io.storyteller.domain.corpus;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.time.Instant;
import java.util.List;

/**
 * Which part of the event log a corpus is exported from and how it is cut. Events before the range
 * are still read for context (world settings, lore, earlier beats); only events inside it yield
 * records. Null bounds are open.
 *
 * @param fromSequence first global sequence whose events yield records
 * @param toSequence   last global sequence read (the head of the log when null)
 * @param from         earliest event time whose events yield records
 * @param to           events at or after this time yield no records
 * @param worldIds     only these worlds; all when empty
 * @param eventTypes   simple names of the record-yielding event types to use (e.g. {@code BeatRated}); all when empty
 * @param datasets     which datasets to write; all when empty
 * @param holdout      share of stories (0..0.9) put in the holdout split
 * @param seed         seeds the split and the pseudonyms: the same seed, the same files
 */
public record CorpusSelection(Long fromSequence,
        Long toSequence,
        Instant from,
        Instant to,
        List<String> worldIds,
        List<String> eventTypes,
        List<CorpusDataset> datasets,
        double holdout,
        long seed) {

    public static final double MAX_HOLDOUT = 0.9;

    public CorpusSelection {
        worldIds = worldIds == null ? List.of() : List.copyOf(worldIds);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        datasets = datasets == null || datasets.isEmpty() ? List.of(CorpusDataset.values()) : List.copyOf(datasets);
    }

    /** The same selection, checked; rejects naming the first field that breaks a rule. */
    public CorpusSelection validated() {
        if (fromSequence != null && fromSequence < 0) {
            throw DomainRejection.invalid("selection.fromSequence", "min:0", "selection.fromSequence must not be negative");
        }
        if (fromSequence != null && toSequence != null && toSequence < fromSequence) {
            throw DomainRejection.invalid("selection.toSequence", "not-before-fromSequence",
                    "selection.toSequence must not be before selection.fromSequence");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw DomainRejection.invalid("selection.to", "after-from", "selection.to must be after selection.from");
        }
        if (Double.isNaN(holdout) || holdout < 0 || holdout > MAX_HOLDOUT) {
            throw DomainRejection.invalid("selection.holdout", "range:0.." + MAX_HOLDOUT,
                    "selection.holdout must be between 0 and " + MAX_HOLDOUT);
        }
        return new CorpusSelection(fromSequence, toSequence, from, to,
                Require.texts("selection.worldIds", worldIds, 1000, 200),
                Require.texts("selection.eventTypes", eventTypes, 50, 100),
                datasets.stream().distinct().sorted().toList(), holdout, seed);
    }
}
