package io.storyteller.command.housemodel.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * k-fold cross-validation: each item is scored by a model trained on the other folds only, so a
 * set's figures are honest even when the default model was trained on that very set.
 */
public final class Folds {

    private Folds() {
    }

    /**
     * Deals the items into k folds after a seeded shuffle, trains on each fold's complement and
     * scores the fold; the results come back in the items' order.
     *
     * @param trainAndScore given (training items, held-out items), the held-out items' results in order
     */
    public static <T, R> List<R> crossValidate(List<T> items, int k, long seed,
            BiFunction<List<T>, List<T>, List<R>> trainAndScore) {
        if (k < 2 || k > items.size()) {
            throw new IllegalArgumentException("folds must lie in [2, " + items.size() + "]");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<R> results = new ArrayList<>(Collections.nCopies(items.size(), null));
        for (int fold = 0; fold < k; fold++) {
            List<T> training = new ArrayList<>();
            List<T> heldOut = new ArrayList<>();
            List<Integer> heldOutIndexes = new ArrayList<>();
            for (int position = 0; position < order.size(); position++) {
                int index = order.get(position);
                if (position % k == fold) {
                    heldOut.add(items.get(index));
                    heldOutIndexes.add(index);
                } else {
                    training.add(items.get(index));
                }
            }
            List<R> scored = trainAndScore.apply(training, heldOut);
            for (int i = 0; i < heldOutIndexes.size(); i++) {
                results.set(heldOutIndexes.get(i), scored.get(i));
            }
        }
        return results;
    }
}
