package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a downloaded text classifier serving a guardrail slot is read ({@code storyteller.guardrail.downloaded.*}):
 * which of its labels mean which harm category, and from which score a category counts at severity 1, 2, 3.
 * There is no default mapping: what a Hub model's {@code obscene} or {@code toxic} means at a world's
 * rating is the platform's decision, so a classifier is refused until its labels are mapped.
 *
 * @param labels             label → harm category ({@code VIOLENCE} or its key {@code violence}, …); labels are
 *                           matched ignoring case and everything but letters and digits, because Spring drops
 *                           {@code _} from map keys not written in brackets ({@code identity_hate} binds as
 *                           {@code identityhate})
 * @param severityThresholds three ascending scores in (0, 1]: a category's severity is how many of them its
 *                           highest label score reaches
 */
@ConfigurationProperties("storyteller.guardrail.downloaded")
public record DownloadedGuardrailProperties(Map<String, String> labels,
        @DefaultValue({"0.5", "0.7", "0.9"}) List<Double> severityThresholds) {

    static final String PREFIX = "storyteller.guardrail.downloaded.";

    public DownloadedGuardrailProperties {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        severityThresholds = severityThresholds == null ? List.of(0.5, 0.7, 0.9) : List.copyOf(severityThresholds);
        requireThresholds(severityThresholds);
        categories(labels);
    }

    public static DownloadedGuardrailProperties defaults() {
        return new DownloadedGuardrailProperties(Map.of(), null);
    }

    /** The harm category of each mapped label, keyed by the label {@link #normalized normalized}. */
    Map<String, HarmCategory> categories() {
        return categories(labels);
    }

    /** The severity 0..3 a label score gives its category. */
    public int severity(double score) {
        int severity = 0;
        while (severity < HarmAssessment.MAX_SEVERITY && score >= severityThresholds.get(severity)) {
            severity++;
        }
        return severity;
    }

    /** The mapping by normalized label; two keys that normalize alike must agree. */
    private static Map<String, HarmCategory> categories(Map<String, String> labels) {
        Map<String, HarmCategory> categories = new LinkedHashMap<>();
        labels.forEach((label, value) -> {
            String property = PREFIX + "labels." + label;
            String key = normalized(label);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(property + " must name a label with a letter or digit");
            }
            HarmCategory category = category(property, value);
            HarmCategory earlier = categories.put(key, category);
            if (earlier != null && earlier != category) {
                throw new IllegalArgumentException(property + " maps a label another key already maps to " + earlier
                        + " (labels are matched ignoring case, '_', '-' and spaces)");
            }
        });
        return categories;
    }

    private static HarmCategory category(String property, String value) {
        String name = value == null ? "" : value.trim();
        return Arrays.stream(HarmCategory.values())
                .filter(category -> category.name().equalsIgnoreCase(name) || category.key().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(property + " must be a harm category, one of "
                        + Arrays.stream(HarmCategory.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + " (was '" + name + "')"));
    }

    private static void requireThresholds(List<Double> thresholds) {
        String property = PREFIX + "severity-thresholds";
        if (thresholds.size() != HarmAssessment.MAX_SEVERITY) {
            throw new IllegalArgumentException(property + " must hold " + HarmAssessment.MAX_SEVERITY
                    + " scores, one per severity (was " + thresholds + ")");
        }
        double previous = 0;
        for (Double threshold : thresholds) {
            if (threshold == null || !(threshold > previous && threshold <= 1)) {
                throw new IllegalArgumentException(property + " must rise strictly within (0, 1] (was " + thresholds + ")");
            }
            previous = threshold;
        }
    }

    static String normalized(String label) {
        return label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
