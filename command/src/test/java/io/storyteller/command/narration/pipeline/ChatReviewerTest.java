package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.world.ContentRating;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

class ChatReviewerTest {

    static final TurnGround GROUND = new TurnGround("w-1", "s-1", ContentRating.TEEN, List.of(),
            List.of("The fog lifts.", "> I row towards the lighthouse."), "I row towards the lighthouse.", List.of());

    @Test
    void theRatingsFirstDigitMapsOntoZeroToOne() {
        assertThat(ChatReviewer.rating("5")).isEqualTo(1.0);
        assertThat(ChatReviewer.rating("Rating: 3/5")).isEqualTo(0.5);
        assertThat(ChatReviewer.rating(" 1.")).isEqualTo(0.0);
        assertThat(ChatReviewer.rating("excellent")).isNull();
    }

    @Test
    void theWorldsReviewerReadsTheStoryTheActionAndTheCandidate() {
        AtomicReference<Prompt> asked = new AtomicReference<>();
        ChatModel model = prompt -> {
            asked.set(prompt);
            return new ChatResponse(List.of(new Generation(new AssistantMessage("4"))));
        };
        ChatReviewer reviewer = new ChatReviewer(slots(new ModelRef("openai:judge", "judge")), ref -> model,
                Duration.ofSeconds(5));

        assertThat(reviewer.score(GROUND, "The lamp turns above you.")).isEqualTo(0.75);
        assertThat(asked.get().getContents()).contains("I row towards the lighthouse.").contains("The lamp turns above you.");
    }

    @Test
    void withoutAReviewerSlotOrWhenItFailsThereIsNoScore() {
        ChatModel failing = prompt -> {
            throw new IllegalStateException("down");
        };
        assertThat(new ChatReviewer(slots(null), ref -> failing, Duration.ofSeconds(5)).score(GROUND, "text")).isNull();
        assertThat(new ChatReviewer(slots(new ModelRef("openai:judge", "judge")), ref -> failing, Duration.ofSeconds(5))
                .score(GROUND, "text")).isNull();
    }

    /** Slots answering one reviewer (or none) for every world, without a query bus. */
    static StageSlots slots(ModelRef reviewer) {
        return new StageSlots(null, Duration.ofSeconds(1), Clock.systemUTC()) {
            @Override
            public java.util.Optional<io.storyteller.domain.deployment.NarratorRoute> route(
                    io.storyteller.domain.model.UseCase useCase, String worldId) {
                return java.util.Optional.ofNullable(reviewer)
                        .map(ref -> new io.storyteller.domain.deployment.NarratorRoute("reviewer:global", ref, null));
            }
        };
    }
}
