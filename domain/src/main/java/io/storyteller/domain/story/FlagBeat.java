package io.storyteller.domain.story;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A world admin or platform admin labels a beat for the guardrail: the harm categories it shows,
 * its overall severity 0..3 (0 with no categories: "this is fine", a correction of a false alarm),
 * and whether it is a real-world case (only at severity 3). Later guardrail trainings learn from it.
 */
public record FlagBeat(@TargetAggregateIdentifier String storyId,
        String beatId,
        List<HarmCategory> categories,
        int severity,
        boolean realWorld,
        Actor actor) {
}
