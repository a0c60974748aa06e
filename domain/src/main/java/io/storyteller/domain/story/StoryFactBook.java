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
 * <p>
 * What it keeps is what those decisions need:
 * <ul>
 *   <li>The fingerprint of each standing beat's last reading, on the {@link Beat} (8 bytes and a
 *       length; erasing a beat drops it). Not only recent beats': the recorder reads any beat
 *       again when it is edited or another alternative is selected, and reads every beat of every
 *       story when its processor starts from the beginning of the log (a new deployment, a lost
 *       token; it is not replayable, so nothing else rewinds it). Without an old beat's last
 *       reading those re-reads would each record a repeat, doubling the log's readings and moving
 *       the beat's facts to the end of the established order. The narration pipeline's own
 *       "has the recorder read this beat" looks at the events, not at this state.</li>
 *   <li>The standing facts with their evidence as a fingerprint ({@link #remembered}): the only
 *       decision that looks at evidence is whether a pin changes anything, and evidence is a
 *       beat's text (up to {@value #MAX_EVIDENCE_LENGTH} characters) that would otherwise grow the
 *       state with the beats' text. Events and the read model keep the evidence itself.</li>
 * </ul>
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
    void record(RecordStoryFacts command, Beat beat) {
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
        if (!fingerprint(fresh).equals(beat.reading)) {
            apply(new StoryFactsRecorded(storyId, beat.beatId, fresh));
        }
    }

    /** Called by {@link StoryFactCuration} once it knows the actor may curate this story's facts. */
    void pin(PinStoryFact command) {
        StoryFact fact = valid("fact", command.fact());
        if (!remembered(fact).equals(standing.fact(fact.key())) || !standing.held(fact.key())) {
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

    /**
     * The fingerprint of a beat's reading (held keys left out): every field of every fact in order,
     * separated by characters no validated field holds.
     */
    static TextFingerprint fingerprint(List<StoryFact> reading) {
        StringBuilder canonical = new StringBuilder();
        for (StoryFact fact : reading) {
            canonical.append(fact.kind()).append('\u0001').append(fact.entity()).append('\u0001')
                    .append(fact.attribute()).append('\u0001').append(fact.value()).append('\u0001')
                    .append(fact.sinceBeat()).append('\u0001')
                    .append(fact.evidence() == null ? "\u0000" : fact.evidence()).append('\u0002');
        }
        return TextFingerprint.of(canonical.toString());
    }

    /** The fact as this state keeps it: its evidence as a fingerprint ({@link TextFingerprint#token}). */
    static StoryFact remembered(StoryFact fact) {
        return fact.evidence() == null ? fact : fact.withEvidence(TextFingerprint.of(fact.evidence()).token());
    }

    @EventSourcingHandler
    void on(StoryFactsRecorded event) {
        standing.recorded(event.beatId(), event.facts().stream().map(StoryFactBook::remembered).toList());
    }

    @EventSourcingHandler
    void on(StoryFactPinned event) {
        standing.pinned(event.factKey(), remembered(event.fact()));
    }

    @EventSourcingHandler
    void on(StoryFactCorrected event) {
        standing.corrected(event.factKey(), event.value());
    }

    @EventSourcingHandler
    void on(BeatsErased event) {
        standing.erased(event.beatIds());
    }
}
