package io.storyteller.domain.story;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The facts a story holds (a member of {@link Story}): read by the continuity engine, pinned or
 * corrected by people. What a person pinned or corrected stands: the engine's readings skip it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class StoryFactBook {

    static final int MAX_FACTS_PER_BEAT = 100;
    static final int MAX_FIELD_LENGTH = 500;
    static final int MAX_EVIDENCE_LENGTH = 8000;

    private String storyId;
    private final Map<String, StoryFact> facts = new LinkedHashMap<>();
    /** Keys a person pinned or corrected. */
    private final Set<String> heldByPeople = new HashSet<>();

    @CommandHandler
    void handle(RecordStoryFacts command) {
        Actor actor = Require.present("actor", command.actor());
        if (!actor.isSystem()) {
            throw DomainRejection.forbidden("platform", "only the platform records the facts it reads");
        }
        String beatId = Require.id("beatId", command.beatId());
        List<StoryFact> read = Require.present("facts", command.facts());
        if (read.size() > MAX_FACTS_PER_BEAT) {
            throw DomainRejection.invalid("facts", "max-" + MAX_FACTS_PER_BEAT, "at most " + MAX_FACTS_PER_BEAT + " facts a beat");
        }
        List<StoryFact> fresh = read.stream().map(f -> valid("facts", f)).filter(f -> !heldByPeople.contains(f.key())).toList();
        if (!fresh.isEmpty()) {
            apply(new StoryFactsRecorded(storyId, beatId, fresh));
        }
    }

    /** Called by {@link StoryFactCuration} once it knows the actor may curate this story's facts. */
    void pin(PinStoryFact command) {
        StoryFact fact = valid("fact", command.fact());
        apply(new StoryFactPinned(storyId, fact.key(), fact, command.actor().userId()));
    }

    /** Called by {@link StoryFactCuration} once it knows the actor may curate this story's facts. */
    void correct(CorrectStoryFact command) {
        String key = Require.text("factKey", command.factKey(), 4 * MAX_FIELD_LENGTH);
        StoryFact fact = facts.get(key);
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
            throw DomainRejection.invalid(field + ".kind", "continuity-kind", "kind must be one of " + StoryFact.KINDS);
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
        event.facts().forEach(f -> facts.put(f.key(), f));
    }

    @EventSourcingHandler
    void on(StoryFactPinned event) {
        facts.put(event.factKey(), event.fact());
        heldByPeople.add(event.factKey());
    }

    @EventSourcingHandler
    void on(StoryFactCorrected event) {
        facts.computeIfPresent(event.factKey(), (k, f) -> f.withValue(event.value()));
        heldByPeople.add(event.factKey());
    }
}
