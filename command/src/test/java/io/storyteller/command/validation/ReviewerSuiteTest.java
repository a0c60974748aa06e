package io.storyteller.command.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerCorpus;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerExamples;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerTraining;
import io.storyteller.domain.model.TokenPrice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A reviewer, chat or house, is measured on a labelled file: on continuity cases a low score flags
 * a contradiction; on rated narrations its scores must rank and decide good above poor.
 */
class ReviewerSuiteTest {

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final TurnReplay replay = new TurnReplay(calls, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        calls.shutdownNow();
    }

    private static final List<String> CONTINUITY = List.of(
            "{\"id\":\"c1\",\"lore\":[],\"story\":[\"The king died.\",\"> I visit the king.\"],"
                    + "\"candidate\":\"The king greets you warmly.\",\"label\":\"contradiction\",\"kind\":\"death\"}",
            "{\"id\":\"c2\",\"lore\":[],\"story\":[\"The king died.\",\"> I visit the tomb.\"],"
                    + "\"candidate\":\"The tomb is cold and quiet.\",\"label\":\"consistent\"}");

    /** Rates 1 whatever it reads, or 1 only where {@code low} appears in the prompt, else 5. */
    private ReviewerSuite.Reviewing chat(String low) {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse call(Prompt prompt) {
                String answer = low == null || prompt.getContents().contains(low) ? "1" : "5";
                return new ChatResponse(List.of(new Generation(new AssistantMessage(answer))));
            }
        };
        return ReviewerSuite.chat(replay, new ReplaySuite.Side(model, TokenPrice.zero()));
    }

    @Test
    void aDiscerningReviewerBeatsOneThatFlagsEverythingOnContinuityCases() {
        SuiteRun run = ReviewerSuite.run(chat("greets"), chat(null), CONTINUITY);

        assertThat(run.candidate()).containsEntry("continuity.precision", 1.0).containsEntry("continuity.recall", 1.0)
                .containsEntry("continuity.accuracy", 1.0).doesNotContainKey("review.auroc");
        assertThat(run.incumbent()).containsEntry("continuity.precision", 0.5).containsEntry("continuity.recall", 1.0)
                .containsEntry("continuity.accuracy", 0.5);
        assertThat(run.items()).extracting(ItemResult::candidateScore).containsExactly(1.0, 1.0);
        assertThat(run.items()).extracting(ItemResult::incumbentScore).containsExactly(1.0, 0.0);
        assertThat(run.items().getFirst().input()).startsWith("[contradiction] ");
    }

    @Test
    void aHouseReviewerTrainedOnRatingsBeatsAChatReviewerThatPraisesEverythingOnHeldOutRatings() {
        List<LabelledText> training = new ArrayList<>();
        ReviewerCorpus.goods(0, 12).forEach(text -> training.add(ReviewerExamples.example(text, true)));
        ReviewerCorpus.poors(0, 12).forEach(text -> training.add(ReviewerExamples.example(text, false)));
        List<String> heldOut = new ArrayList<>();
        for (int i = 40; i < 46; i++) {
            heldOut.add(ReviewerCorpus.ratingLine(ReviewerCorpus.good(i), 5));
            heldOut.add(ReviewerCorpus.ratingLine(ReviewerCorpus.poor(i), 1));
        }
        heldOut.add(ReviewerCorpus.ratingLine(ReviewerCorpus.poor(47), 3)); // neither: left out

        try (ClassifierRuntime runtime = ClassifierRuntime.of(
                new ReviewerTraining(TrainingOptions.defaults()).train(training), "house-classifier:reviewer:v2")) {
            SuiteRun run = ReviewerSuite.run(ReviewerSuite.house(new HouseReviewer(runtime)), chat("no such words"), heldOut);

            assertThat(run.items()).hasSize(12);
            assertThat(run.candidate()).containsEntry("review.auroc", 1.0).containsEntry("review.accuracy", 1.0)
                    .containsKey("latency.p95Millis");
            assertThat(run.incumbent()).containsEntry("review.auroc", 0.5).containsEntry("review.accuracy", 0.5);
            assertThat(run.items().get(1).input()).startsWith("[poor] ");
            assertThat(run.items().get(1).candidateAnswer()).startsWith("P(good) ");
        }
    }

    @Test
    void aChatReviewerReadsTheRatedNarrationInItsStory() {
        List<String> lines = List.of(
                "{\"prompt\":[{\"role\":\"system\",\"content\":\"Narrate.\"},{\"role\":\"user\",\"content\":\"I open the vault.\"}],"
                        + "\"chosen\":\"The vault door swings wide on a hoard of silver.\",\"rejected\":\"Nothing happens.\"}");

        SuiteRun run = ReviewerSuite.run(chat("Nothing happens"), null, lines);

        assertThat(run.items()).extracting(ItemResult::input)
                .containsExactly("[good] The vault door swings wide on a hoard of silver.", "[poor] Nothing happens.");
        assertThat(run.candidate()).containsEntry("review.accuracy", 1.0).containsEntry("review.auroc", 1.0);
        assertThat(run.incumbent()).isNull();
        ReviewerSuite.Reviewing seesTheAction = chat("Player's action: I open the vault.");
        assertThat(ReviewerSuite.run(seesTheAction, null, lines).candidate()).as("every item read in its story")
                .containsEntry("review.accuracy", 0.5);
    }

    @Test
    void theShippedReviewerSetHoldsBothKindsAndAnUnreadableOneIsRefusedWithTheLine() throws IOException {
        List<ReviewerExamples.Rated> shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("eval/reviewer.jsonl")) {
            shipped = ReviewerExamples.rated(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        assertThat(shipped).hasSize(40).allSatisfy(item -> assertThat(item.action()).isNotBlank());
        assertThat(shipped).filteredOn(ReviewerExamples.Rated::good).hasSize(20);

        assertThatThrownBy(() -> ReviewerSuite.run(chat(null), null,
                List.of(ReviewerCorpus.ratingLine("fine", 5), "{\"response\":\"x\",\"rating\":9}")))
                .isInstanceOf(CannotValidateException.class).hasMessageContaining("rating");
    }
}
