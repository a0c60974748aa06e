package io.storyteller.command.validation;

import io.storyteller.domain.validation.ValidationExample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts the items the candidate won, lost or tied (within the suite's tie margin) against the
 * incumbent, and picks the examples that show the difference best: the widest wins and losses first,
 * then ties. Without an incumbent nothing is counted and the examples are the candidate's weakest items.
 */
final class SideBySide {

    static final String WIN = "WIN";
    static final String LOSS = "LOSS";
    static final String TIE = "TIE";
    /** An item without an incumbent to compare with. */
    static final String ALONE = "ALONE";
    static final int EXAMPLES_EACH = 2;
    static final int EXAMPLES = 6;
    static final int SHOWN_CHARS = 300;

    private SideBySide() {
    }

    record Tally(int wins, int losses, int ties, List<ValidationExample> examples) {
    }

    static Tally of(List<ItemResult> items, double tieMargin) {
        List<ValidationExample> wins = new ArrayList<>();
        List<ValidationExample> losses = new ArrayList<>();
        List<ValidationExample> ties = new ArrayList<>();
        for (ItemResult item : items) {
            String outcome = outcome(item, tieMargin);
            ValidationExample example = new ValidationExample(outcome, shown(item.input()), shown(item.candidateAnswer()),
                    shown(item.incumbentAnswer()), item.candidateScore(), item.incumbentScore());
            switch (outcome) {
                case WIN -> wins.add(example);
                case LOSS -> losses.add(example);
                default -> ties.add(example);
            }
        }
        Comparator<ValidationExample> widest = Comparator.comparingDouble(SideBySide::gap).reversed();
        wins.sort(widest);
        losses.sort(widest);
        if (items.stream().allMatch(item -> item.incumbentScore() == null)) {
            ties.sort(Comparator.comparingDouble(ValidationExample::candidateScore));
        }
        List<ValidationExample> examples = new ArrayList<>();
        examples.addAll(wins.subList(0, Math.min(EXAMPLES_EACH, wins.size())));
        examples.addAll(losses.subList(0, Math.min(EXAMPLES_EACH, losses.size())));
        for (List<ValidationExample> rest : List.of(ties, wins.subList(Math.min(EXAMPLES_EACH, wins.size()), wins.size()),
                losses.subList(Math.min(EXAMPLES_EACH, losses.size()), losses.size()))) {
            for (ValidationExample example : rest) {
                if (examples.size() < EXAMPLES) {
                    examples.add(example);
                }
            }
        }
        boolean compared = items.stream().anyMatch(item -> item.incumbentScore() != null);
        return new Tally(wins.size(), losses.size(), compared ? ties.size() : 0, examples);
    }

    static String outcome(ItemResult item, double tieMargin) {
        if (item.incumbentScore() == null) {
            return ALONE;
        }
        double difference = item.candidateScore() - item.incumbentScore();
        if (Math.abs(difference) <= tieMargin + 1e-9) {
            return TIE;
        }
        return difference > 0 ? WIN : LOSS;
    }

    private static double gap(ValidationExample example) {
        return example.incumbentScore() == null ? 0 : Math.abs(example.candidateScore() - example.incumbentScore());
    }

    private static String shown(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS - 1) + "…";
    }
}
