package io.storyteller.command.narration.pipeline;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a downloaded text classifier as a detector: its score is the probability mass of the labels
 * that mean machine-written ({@code machine}, {@code ai}, {@code generated}, {@code fake} as in the
 * GPT-2 output detector, …). A two-label model naming neither side follows the transformers
 * convention that label 1 is the positive class. A classifier whose labels say nothing of the kind
 * is not a detector.
 */
public final class DetectorLabels {

    private static final Pattern MACHINE = Pattern.compile("machine|generated|\\bai\\b|fake|synthetic|gpt|llm");
    private static final Set<String> UNNAMED = Set.of("label_0", "label_1");

    private DetectorLabels() {
    }

    /** @throws IllegalArgumentException when no label means machine-written */
    public static double machineLikeness(Map<String, Double> scores) {
        double mass = 0;
        boolean found = false;
        for (Map.Entry<String, Double> label : scores.entrySet()) {
            if (MACHINE.matcher(label.getKey().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ')).find()) {
                mass += label.getValue();
                found = true;
            }
        }
        if (found) {
            return mass;
        }
        if (scores.size() == 2 && scores.keySet().stream().map(key -> key.toLowerCase(Locale.ROOT)).allMatch(UNNAMED::contains)) {
            return scores.entrySet().stream().filter(label -> label.getKey().equalsIgnoreCase("label_1"))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
        throw new IllegalArgumentException("no label of " + scores.keySet() + " means machine-written");
    }
}
