package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    /** Refuses any text that mentions blood. */
    static final HarmGuard GUARD = (worldId, rating, text, source) -> text.contains("blood")
            ? new HarmVerdict("g", "1", Map.of("violence", 3), false, List.of("violence"))
            : new HarmVerdict("g", "1", Map.of(), true, List.of());

    @Test
    void theRefusedSentencesAreTakenOutAndTheRestKept() {
        String text = "The door opens. The hall is quiet. A trail of blood leads to the stairs. You hear a clock.";
        assertThat(Redaction.redact(GUARD, "w", "s", ContentRating.EVERYONE, text))
                .isEqualTo("The door opens. The hall is quiet. You hear a clock.");
    }

    @Test
    void tooLittleLeftIsNoAnswer() {
        assertThat(Redaction.redact(GUARD, "w", "s", ContentRating.EVERYONE, "Blood, blood everywhere. The blood runs. Quiet."))
                .isNull();
    }
}
