package io.storyteller.command.training.house;

import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.training.TrainingSettings;
import java.util.Map;
import java.util.Optional;

/**
 * The hyper-parameters the house models understand, read from a job's by name; others are ignored.
 * Classifiers: {@code epochs}, {@code learningRate}, {@code seed}, {@code crossValidationFolds} (0
 * skips it), {@code includeUnreviewed} (guardrail). Narrator: {@code maxVocabulary},
 * {@code discount}, {@code skipDiscount}, {@code baseSmoothing}, {@code skipWeight}. A value that
 * does not fit is refused with its name and rule, before any work.
 */
record HouseHyperParameters(Map<String, String> values) {

    static final int DEFAULT_FOLDS = 5;

    /** The first value that does not fit, as a reason; empty when all do. */
    Optional<String> problem(boolean narrator) {
        try {
            if (narrator) {
                narratorSettings(TrainingSettings.defaults());
            } else {
                classifierOptions(TrainingOptions.defaults());
                folds();
                includeUnreviewed();
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    TrainingOptions classifierOptions(TrainingOptions defaults) {
        try {
            return new TrainingOptions(defaults.features(), integer("epochs", defaults.epochs()),
                    decimal("learningRate", defaults.learningRate()), integer("seed", (int) defaults.seed()));
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
    }

    TrainingSettings narratorSettings(TrainingSettings defaults) {
        try {
            return new TrainingSettings(integer("maxVocabulary", defaults.maxVocabulary()),
                    decimal("discount", defaults.discount()), decimal("skipDiscount", defaults.skipDiscount()),
                    decimal("baseSmoothing", defaults.baseSmoothing()), decimal("skipWeight", defaults.skipWeight()));
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
    }

    /** Cross-validation folds: 0 (none) or 2..10. */
    int folds() {
        int folds = integer("crossValidationFolds", DEFAULT_FOLDS);
        if (folds != 0 && (folds < 2 || folds > 10)) {
            throw new IllegalArgumentException("hyperParameters.crossValidationFolds [range:0,2..10] must be 0 or from 2 to 10");
        }
        return folds;
    }

    boolean includeUnreviewed() {
        String value = values.get("includeUnreviewed");
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("hyperParameters.includeUnreviewed [boolean] must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyperParameters." + name + " [integer] must be a whole number");
        }
    }

    private double decimal(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyperParameters." + name + " [number] must be a number");
        }
    }

    /** The settings records name their own rule; say it is a hyper-parameter. */
    private static IllegalArgumentException named(IllegalArgumentException e) {
        return e.getMessage().startsWith("hyperParameters.") ? e
                : new IllegalArgumentException("hyperParameters: " + e.getMessage());
    }
}
