package io.storyteller.command.housemodel.classifier.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.LabelledSetException;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The house reviewer learns what players keep and rate well from their ratings and preferences. */
class ReviewerTrainingTest {

    @Test
    void ratingsAboveThreeAreGoodBelowPoorAndThreeSaysNothing() {
        List<LabelledText> examples = ReviewerExamples.ofRatings(List.of(
                ReviewerCorpus.ratingLine("A", 5), ReviewerCorpus.ratingLine("B", 4), ReviewerCorpus.ratingLine("C", 3),
                "", ReviewerCorpus.ratingLine("D", 2), ReviewerCorpus.ratingLine("E", 1)));

        assertThat(examples).extracting(LabelledText::text).containsExactly("A", "B", "D", "E");
        assertThat(examples).extracting(ReviewerTraining::isGood).containsExactly(true, true, false, false);
    }

    @Test
    void aPreferenceGivesItsChosenAsGoodAndItsRejectedAsPoor() {
        List<LabelledText> examples = ReviewerExamples.ofPreferences(List.of(ReviewerCorpus.preferenceLine("kept", "retried")));

        assertThat(examples).extracting(LabelledText::text).containsExactly("kept", "retried");
        assertThat(examples).extracting(ReviewerTraining::isGood).containsExactly(true, false);
    }

    @Test
    void aMalformedLineIsNamedByNumberFieldAndRule() {
        assertThatThrownBy(() -> ReviewerExamples.ofRatings(List.of(ReviewerCorpus.ratingLine("A", 5),
                ReviewerCorpus.ratingLine("B", 9)))).isInstanceOf(LabelledSetException.class)
                .hasMessageContaining("line 2").hasMessageContaining("rating");
        assertThatThrownBy(() -> ReviewerExamples.ofPreferences(List.of("{\"chosen\":\"x\"}")))
                .isInstanceOf(LabelledSetException.class).hasMessageContaining("rejected");
    }

    @Test
    void aClearlyGoodStyleScoresAboveAClearlyPoorOneOnNarrationsItNeverSaw() {
        List<LabelledText> examples = examples(0, 12);
        ReviewerTraining training = new ReviewerTraining(TrainingOptions.defaults());

        try (ClassifierRuntime runtime = ClassifierRuntime.of(training.train(examples), "house-classifier:reviewer:v1")) {
            HouseReviewer reviewer = new HouseReviewer(runtime);
            double[] good = reviewer.scores(ReviewerCorpus.goods(100, 4));
            double[] poor = reviewer.scores(ReviewerCorpus.poors(100, 4));
            for (double score : good) {
                assertThat(score).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
            }
            for (double score : poor) {
                assertThat(score).isLessThan(0.5).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Test
    void eachExampleIsScoredByAModelThatNeverSawIt() {
        List<LabelledText> examples = examples(0, 10);

        double[] scores = new ReviewerTraining(TrainingOptions.defaults()).crossValidate(examples, 5);

        assertThat(scores).hasSize(20);
        for (int i = 0; i < examples.size(); i++) {
            assertThat(scores[i] > 0.5).as("example %d", i).isEqualTo(ReviewerTraining.isGood(examples.get(i)));
        }
    }

    @Test
    void tooFewOfEitherKindIsRefusedWithTheCounts() {
        List<LabelledText> examples = new ArrayList<>(examples(0, 8).subList(0, 8));
        examples.addAll(ReviewerCorpus.poors(0, 2).stream().map(text -> ReviewerExamples.example(text, false)).toList());

        assertThatThrownBy(() -> new ReviewerTraining(TrainingOptions.defaults()).train(examples))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 good and 2 poor");
    }

    /** count good then count poor narrations from index from. */
    static List<LabelledText> examples(int from, int count) {
        List<LabelledText> examples = new ArrayList<>();
        ReviewerCorpus.goods(from, count).forEach(text -> examples.add(ReviewerExamples.example(text, true)));
        ReviewerCorpus.poors(from, count).forEach(text -> examples.add(ReviewerExamples.example(text, false)));
        return examples;
    }
}
