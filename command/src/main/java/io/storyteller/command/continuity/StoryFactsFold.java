package io.storyteller.command.continuity;

import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactCorrected;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactsRecorded;
import java.util.List;

/**
 * A story's facts as they stand, folded from its event stream (the payloads, oldest first): the
 * engine's readings, then what people pinned or corrected. Other payloads are ignored, so the
 * whole stream of the Story aggregate may be passed. Also converts between the engine's facts and
 * the domain's.
 */
public final class StoryFactsFold {

    private StoryFactsFold() {
    }

    public static List<Fact> fold(List<?> payloads) {
        FactLedger ledger = new FactLedger();
        for (Object payload : payloads) {
            switch (payload) {
                case StoryFactsRecorded e -> e.facts().forEach(f -> ledger.record(toFact(f)));
                case StoryFactPinned e -> ledger.record(toFact(e.fact()));
                case StoryFactCorrected e -> ledger.correct(e.factKey(), e.value());
                default -> {
                    // Not a fact event.
                }
            }
        }
        return ledger.facts();
    }

    public static Fact toFact(StoryFact fact) {
        return new Fact(ContinuityKind.fromLabel(fact.kind()), fact.entity(), fact.attribute(), fact.value(),
                fact.sinceBeat(), fact.evidence() == null ? "" : fact.evidence());
    }

    public static StoryFact toStoryFact(Fact fact) {
        return new StoryFact(fact.kind().label(), fact.entity(), fact.attribute(), fact.value(), fact.sinceBeat(),
                fact.evidence());
    }
}
