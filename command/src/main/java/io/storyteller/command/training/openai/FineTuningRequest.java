package io.storyteller.command.training.openai;

import io.storyteller.command.training.TrainingFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The job's hyper-parameters as the fine-tuning API names them: {@code n_epochs}, {@code batch_size},
 * {@code learning_rate_multiplier} (each a number or {@code auto}), and the model name's
 * {@code suffix}. The house's own names ({@code epochs}, {@code batchSize}, {@code learningRateMultiplier})
 * are accepted too; other names are not this API's and are left out.
 */
record FineTuningRequest(Map<String, Object> hyperParameters, String suffix) {

    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final List<List<String>> NAMES = List.of(
            List.of("n_epochs", "epochs"),
            List.of("batch_size", "batchSize"),
            List.of("learning_rate_multiplier", "learningRateMultiplier"));

    static FineTuningRequest of(Map<String, String> requested) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (List<String> names : NAMES) {
            String apiName = names.getFirst();
            names.stream().map(requested::get).filter(v -> v != null && !v.isBlank()).findFirst()
                    .ifPresent(value -> chosen.put(apiName, value(apiName, value.strip())));
        }
        String suffix = Optional.ofNullable(requested.get("suffix")).map(String::strip).filter(s -> !s.isEmpty())
                .orElse(null);
        if (suffix != null && !SUFFIX.matcher(suffix).matches()) {
            throw new TrainingFailedException("hyper-parameter suffix must be 1-40 letters, digits, '-' and '_'");
        }
        return new FineTuningRequest(chosen, suffix);
    }

    private static Object value(String name, String value) {
        if (value.equals("auto")) {
            return value;
        }
        try {
            return name.equals("learning_rate_multiplier") ? (Object) Double.parseDouble(value) : (Object) Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TrainingFailedException("hyper-parameter " + name + " must be "
                    + (name.equals("learning_rate_multiplier") ? "a number" : "a whole number") + " or 'auto', not '"
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
        }
    }
}
