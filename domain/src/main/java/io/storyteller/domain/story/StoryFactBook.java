package io.storyteller.domain.story;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The facts a story holds (a member of {@link Story}): read by the continuity engine, pinned or
 * corrected by people. How they combine is {@link StandingFacts}. A beat's first reading is
 * recorded even when it found nothing; a beat read again with the same outcome — a redelivered
 * event, a retry of the recorder — records nothing.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class StoryFactBook {

    static final int MAX_FACTS_PER_BEAT = 100;
    static final int MAX_FIELD_LENGTH = 500;
    static final int MAX_EVIDENCE_LENGTH = 8000;

    private String storyId;
    private final StandingFacts standing = new StandingFacts();

    /** Called by {@link Story} once it knows the platform records a beat that stands in the story. */
    void record(RecordStoryFacts command, String beatId) {
        List<StoryFact> read = Require.present("facts", command.facts());
        if (read.size() > MAX_FACTS_PER_BEAT) {
            throw DomainRejection.invalid("facts", "max-count:" + MAX_FACTS_PER_BEAT,
                    "facts may hold at most " + MAX_FACTS_PER_BEAT + " facts a beat");
        }
        // One fact per key, the last read winning, as the engine's own ledger keeps them.
        Map<String, StoryFact> byKey = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            StoryFact fact = valid("facts[" + i + "]", read.get(i));
            byKey.remove(fact.key());
            byKey.put(fact.key(), fact);
        }
        List<StoryFact> fresh = byKey.values().stream().filter(f -> !standing.held(f.key())).toList();
        // A first reading is recorded even when it found nothing: the narration pipeline then knows the
        // beat was read and reads only the beats nobody has read yet.
        if (!standing.wasRead(beatId) || !standing.lastReadAs(beatId, fresh)) {
            apply(new StoryFactsRecorded(storyId, beatId, fresh));
        }
    }

    /** Called by {@link StoryFactCuration} once it knows the actor may curate this story's facts. */
    void pin(PinStoryFact command) {
        StoryFact fact = valid("fact", command.fact());
        if (!fact.equals(standing.fact(fact.key())) || !standing.held(fact.key())) {
            apply(new StoryFactPinned(storyId, fact.key(), fact, command.actor().userId()));
        }
    }

    /** Called by {@link StoryFactCuration} once it knows the actor may curate this story's facts. */
    void correct(CorrectStoryFact command) {
        String key = Require.text("factKey", command.factKey(), 4 * MAX_FIELD_LENGTH);
        StoryFact fact = standing.fact(key);
        if (fact == null) {
            throw DomainRejection.notFound("factKey", "no fact " + key + " in this story");
        }
        String value = Require.text("value", command.value(), MAX_FIELD_LENGTH);
        if (!value.equals(fact.value())) {
            apply(new StoryFactCorrected(storyId, key, fact.value(), value, command.actor().userId()));
        }
    }

    private static StoryFact valid(String field, StoryFact fact) {
        Require.present(field, fact);
        String kind = Require.text(field + ".kind", fact.kind(), 40);
        if (!StoryFact.KINDS.contains(kind)) {
            throw DomainRejection.invalid(field + ".kind", "continuity-kind", field + ".kind must be one of " + StoryFact.KINDS);
        }
        Require.range(field + ".sinceBeat", fact.sinceBeat(), 0, Integer.MAX_VALUE);
        return new StoryFact(kind, Require.text(field + ".entity", fact.entity(), MAX_FIELD_LENGTH),
                Require.text(field + ".attribute", fact.attribute(), MAX_FIELD_LENGTH),
                Require.text(field + ".value", fact.value(), MAX_FIELD_LENGTH), fact.sinceBeat(),
                Require.optionalText(field + ".evidence", fact.evidence(), MAX_EVIDENCE_LENGTH));
    }

    @EventSourcingHandler
    void on(StoryStarted event) {
        storyId = event.storyId();
    }

    @EventSourcingHandler
    void on(StoryFactsRecorded event) {
        standing.apply(event);
    }

    @EventSourcingHandler
    void on(StoryFactPinned event) {
        standing.apply(event);
    }

    @EventSourcingHandler
    void on(StoryFactCorrected event) {
        standing.apply(event);
    }

    @EventSourcingHandler
    void on(BeatsErased event) {
        standing.apply(event);
    }
}
