package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerCorpus;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerExamples;
import io.storyteller.command.housemodel.classifier.training.ClassifierVersionTrainer;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.StageVerdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** A reviewer slot naming a house reviewer scores in process; one naming a chat model asks it, version by version. */
class RoutedReviewerTest {

    private static final ModelRef HOUSE = new ModelRef("house-classifier:reviewer", "1");
    private static final ModelRef CHAT = new ModelRef("openai:judge", "judge");

    @TempDir
    Path directory;

    private ClassifierStore store;
    private final AtomicInteger chatCalls = new AtomicInteger();
    private final ChatModel chat = prompt -> {
        chatCalls.incrementAndGet();
        return new ChatResponse(List.of(new Generation(new AssistantMessage("4"))));
    };

    @BeforeEach
    void trainTheReviewer() {
        store = new ClassifierStore(directory);
        List<LabelledText> examples = new ArrayList<>();
        ReviewerCorpus.goods(0, 10).forEach(text -> examples.add(ReviewerExamples.example(text, true)));
        ReviewerCorpus.poors(0, 10).forEach(text -> examples.add(ReviewerExamples.example(text, false)));
        ClassifierVersionTrainer trainer = new ClassifierVersionTrainer(store, TrainingOptions.defaults());
        trainer.store(trainer.reviewer(examples, "synthetic"), new CorpusRange(-1, -1));
    }

    @Test
    void aSlotNamingAHouseReviewerScoresItsProbabilityOfGoodWithoutAskingAChatModel() {
        try (HouseClassifiers classifiers = new HouseClassifiers(store, 0.5)) {
            RoutedReviewer reviewer = reviewer(new NarratorRoute("reviewer:global", HOUSE, null), classifiers);

            StageOutcome<Double> good = reviewer.judge(ChatReviewerTest.GROUND, ReviewerCorpus.good(50));
            Double poor = reviewer.score(ChatReviewerTest.GROUND, ReviewerCorpus.poor(50));

            assertThat(good.verdict()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
            assertThat(poor).isLessThan(0.5).isGreaterThanOrEqualTo(0.0);
            assertThat(good.calls()).singleElement().satisfies(call -> {
                assertThat(call.stage()).isEqualTo(UseCase.REVIEWER);
                assertThat(call.model()).isEqualTo("house-classifier:reviewer");
                assertThat(call.modelVersion()).isEqualTo("1");
                assertThat(call.reviewScore()).isEqualTo(good.verdict());
            });
            assertThat(chatCalls).hasValue(0);
        }
    }

    @Test
    void aChatReviewerServesBesideAHouseOneInShadowEachByItsProvider() {
        try (HouseClassifiers classifiers = new HouseClassifiers(store, 0.5)) {
            RoutedReviewer reviewer = reviewer(new NarratorRoute("reviewer:global", CHAT,
                    new RolloutRoute("r1", HOUSE, RolloutPhase.SHADOW, 0)), classifiers);

            StageOutcome<Double> outcome = reviewer.judge(ChatReviewerTest.GROUND, ReviewerCorpus.good(51));

            assertThat(outcome.verdict()).as("the chat model's 4 of 5 decides").isEqualTo(0.75);
            assertThat(chatCalls).hasValue(1);
            assertThat(outcome.calls()).hasSize(2);
            StageVerdict mirrored = outcome.calls().get(1);
            assertThat(mirrored.model()).isEqualTo("house-classifier:reviewer");
            assertThat(mirrored.failed()).isFalse();
            assertThat(mirrored.reviewScore()).isGreaterThan(0.5);
        }
    }

    @Test
    void anUnstoredHouseVersionGivesNoScoreAndNoSlotRunsNoReviewer() {
        try (HouseClassifiers classifiers = new HouseClassifiers(store, 0.5)) {
            RoutedReviewer unstored = reviewer(new NarratorRoute("reviewer:global",
                    new ModelRef("house-classifier:reviewer", "7"), null), classifiers);
            StageOutcome<Double> outcome = unstored.judge(ChatReviewerTest.GROUND, ReviewerCorpus.good(52));
            assertThat(outcome.verdict()).isNull();
            assertThat(outcome.calls()).singleElement().extracting(StageVerdict::failed).isEqualTo(true);

            RoutedReviewer none = reviewer(null, classifiers);
            assertThat(none.judge(ChatReviewerTest.GROUND, ReviewerCorpus.good(52)).verdict()).isNull();
            assertThat(chatCalls).hasValue(0);
        }
    }

    private RoutedReviewer reviewer(NarratorRoute route, HouseClassifiers classifiers) {
        StageSlots slots = new StageSlots(null, Duration.ofSeconds(1), Clock.systemUTC()) {
            @Override
            public Optional<NarratorRoute> route(UseCase useCase, String worldId) {
                return useCase == UseCase.REVIEWER ? Optional.ofNullable(route) : Optional.empty();
            }
        };
        return new RoutedReviewer(slots, new ChatReviewer(slots, ref -> chat, Duration.ofSeconds(5)), classifiers);
    }
}
