package io.storyteller.ops.storage.upcasting;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.validation.ModelValidated;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every change of a stored event's shape, as steps from the revision it was stored in to its class's
 * current {@code @Revision}. The server's event store (JDBC or Axon Server) and the CLI tools that
 * open the log directly read through the same chain, so no reader ever sees an older shape.
 * <p>
 * A step is added here whenever an event class gets a new revision; its fixtures (the JSON as the
 * older code wrote it) go under {@code ops/src/test/resources/stored-events/}.
 */
public final class StoredEventUpcasters {

    /** The steps in the order they apply: an event may take several, one revision at a time. */
    public static final List<PayloadRevisionStep> STEPS = List.of(
            // The Story aggregate stopped keeping beat texts (snapshot revision 2): edits and flags no
            // longer copy the beat's text, which every consumer folds from the beat's own events.
            PayloadRevisionStep.of(BeatEdited.class, null, "2", json -> json.putNull("originalText")),
            PayloadRevisionStep.of(BeatFlagged.class, null, "2", json -> json.putNull("text")),
            // Validations began to record the items they ran on; before, they all ran on their
            // suite's own items, which a null dataset says.
            PayloadRevisionStep.of(ModelValidated.class, null, "2", json -> {
                if (!json.has("dataset")) {
                    json.putNull("dataset");
                }
            }));

    private StoredEventUpcasters() {
    }

    /** A fresh chain of all steps. */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(STEPS);
    }
}
