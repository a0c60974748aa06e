package io.storyteller.command.housemodel.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerTraining;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rating teaches the reviewer the text the player read when rating, and only a player's latest verdict counts. */
class RatedNarrationsTest {

    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("narrator", "1", "sha256:0f", List.of(),
            1, 1, 1);

    private final StandingBeatTexts texts = new StandingBeatTexts();
    private final RatedNarrations rated = new RatedNarrations(texts);
    private long index;

    /** In the order ClassifierCorpus folds them: the texts first. */
    private void apply(Object... events) {
        for (Object event : events) {
            texts.apply(event);
            rated.apply(event, index++);
        }
    }

    private static NarrationRecorded narration(String beatId, int alternative, String text) {
        return new NarrationRecorded("s1", "w1", "a-" + beatId, "a-" + beatId, beatId, alternative, text, PROVENANCE);
    }

    private List<String> texts(boolean good) {
        return rated.examples().stream().filter(example -> ReviewerTraining.isGood(example) == good)
                .map(LabelledText::text).toList();
    }

    @Test
    void theRatedTextIsTheOneThePlayerReadRetriedSelectedOrEdited() {
        apply(narration("n1", 0, "first try"), narration("n1", 1, "second try"), new BeatRated("s1", "n1", 5, "olivia"),
                narration("n2", 0, "plain"), new BeatEdited("s1", "n2", "plain", "rewritten by hand", "olivia"),
                new BeatRated("s1", "n2", 1, "olivia"),
                narration("n3", 0, "kept"), narration("n3", 1, "retried"),
                new NarrationAlternativeSelected("s1", "n3", 0, "olivia"), new BeatRated("s1", "n3", 4, "bruno"));

        assertThat(texts(true)).containsExactly("second try", "kept");
        assertThat(texts(false)).containsExactly("rewritten by hand");
    }

    @Test
    void aPlayersLatestVerdictCountsANeutralOneWithdrawsItAndErasedBeatsTeachNothing() {
        apply(narration("n1", 0, "one"), narration("n2", 0, "two"), narration("n3", 0, "three"));
        long before = index;
        apply(new BeatRated("s1", "n1", 1, "olivia"), new BeatRated("s1", "n1", 5, "olivia"),
                new BeatRated("s1", "n1", 2, "bruno"),
                new BeatRated("s1", "n2", 5, "olivia"), new BeatRated("s1", "n2", 3, "olivia"),
                new BeatRated("s1", "n3", 5, "olivia"), new BeatsErased("s1", List.of("n3"), "olivia"),
                new BeatRated("s1", "a-n1", 5, "olivia"));

        assertThat(texts(true)).containsExactly("one");
        assertThat(texts(false)).containsExactly("one");
        assertThat(rated.since(before)).isEqualTo(2);
        assertThat(rated.since(index)).isZero();
    }
}
