package io.storyteller.command.narration.pipeline;

import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.slot.RouteChoice;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The reviewer stage: the chat model the world's {@code reviewer} slot (or the global one) names
 * rates each candidate from 1 to 5 against the story's last beats and the action; the first digit
 * of its answer counts, mapped onto [0, 1]. Without a reviewer slot there is no reviewer score. A
 * reviewer that fails, is late or answers no digit gives none for that candidate, and the log says why:
 * review ranks, it never blocks.
 */
public class ChatReviewer implements Reviewer {

    private static final Logger log = LoggerFactory.getLogger(ChatReviewer.class);
    private static final Pattern RATING = Pattern.compile("[1-5]");
    /** The story the reviewer reads: the last few beats are what a candidate must follow. */
    static final int CONTEXT_LINES = 6;

    static final String INSTRUCTIONS = """
            You review candidate narrations for an interactive story. Rate the candidate from 1 (poor) to 5 \
            (excellent) for how well it follows the story so far and answers the player's action: consistent \
            with what happened, coherent, vivid, not repetitive. Answer with the number only.""";

    private final StageSlots slots;
    private final ModelRuntimes runtimes;
    private final Duration timeout;

    public ChatReviewer(StageSlots slots, ModelRuntimes runtimes, Duration timeout) {
        this.slots = slots;
        this.runtimes = runtimes;
        this.timeout = timeout;
    }

    @Override
    public Double score(TurnGround ground, String candidate) {
        return judge(ground, candidate).verdict();
    }

    /** The story's routed reviewer scores; in a shadow phase the candidate version scores too, never counting. */
    @Override
    public StageOutcome<Double> judge(TurnGround ground, String candidate) {
        Optional<RouteChoice> choice = slots.choice(UseCase.REVIEWER, ground.worldId(), ground.storyId());
        if (choice.isEmpty()) {
            return StageOutcome.unrouted(null);
        }
        return RoutedJudging.run(UseCase.REVIEWER, choice.get(), ref -> review(ref, ground, candidate),
                (call, score) -> call.reviewed(score));
    }

    /** The version's score; null when it failed, was late or answered no digit. */
    Double review(ModelRef reviewer, TurnGround ground, String candidate) {
        try {
            ChatModel model = runtimes.chatModelFor(reviewer);
            ChatResponse answer = CompletableFuture.supplyAsync(() -> model.call(prompt(ground, candidate)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = answer == null || answer.getResult() == null ? "" : answer.getResult().getOutput().getText();
            return rating(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log.warn("Reviewer {} gave no score: {}", reviewer.label(), e.toString());
            return null;
        }
    }

    public static Prompt prompt(TurnGround ground, String candidate) {
        List<String> lines = ground.storyLines();
        String story = String.join("\n", lines.subList(Math.max(0, lines.size() - CONTEXT_LINES), lines.size()));
        return new Prompt(List.of(new SystemMessage(INSTRUCTIONS), new UserMessage("Story so far (lines starting "
                + "\"> \" are the player's):\n" + story + "\n\nPlayer's action: " + ground.action()
                + "\n\nCandidate narration:\n" + candidate + "\n\nRating (1-5):")));
    }

    /** The first digit 1..5 of the answer onto [0, 1]; null when there is none. */
    public static Double rating(String answer) {
        Matcher digit = RATING.matcher(answer == null ? "" : answer);
        return digit.find() ? (Integer.parseInt(digit.group()) - 1) / 4.0 : null;
    }
}
