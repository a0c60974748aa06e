package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the author's note that steers the narration. */
public record SetAuthorsNote(@TargetAggregateIdentifier String storyId,
        String note,
        Actor actor) {
}
