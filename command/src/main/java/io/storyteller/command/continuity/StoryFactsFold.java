package io.storyteller.command.continuity;

import io.storyteller.domain.story.StandingFacts;
import io.storyteller.domain.story.StoryFact;
import java.util.List;

/**
 * A story's facts as they stand, folded from its event stream (the payloads, oldest first) by the
 * domain's rules ({@link StandingFacts}: the engine's readings per beat, what people pinned or
 * corrected, erased beats). Other payloads are ignored, so the whole stream of the Story aggregate
 * may be passed. Also converts between the engine's facts and the domain's.
 */
public final class StoryFactsFold {

    private StoryFactsFold() {
    }

    public static List<Fact> fold(List<?> payloads) {
        return StandingFacts.of(payloads).facts().stream().map(StoryFactsFold::toFact).toList();
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
