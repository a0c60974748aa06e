package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.safety.HarmCategory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The label mapping and severity thresholds of a downloaded guardrail, as bound at start-up. */
class DownloadedGuardrailPropertiesTest {

    private static DownloadedGuardrailProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("storyteller.guardrail.downloaded", DownloadedGuardrailProperties.class);
    }

    @Test
    void nothingIsMappedByDefaultAndSeveritiesCountFromHalfSevenTenthsAndNineTenths() {
        DownloadedGuardrailProperties defaults = bind(Map.of());
        assertThat(defaults).isEqualTo(DownloadedGuardrailProperties.defaults());
        assertThat(defaults.categories()).isEmpty();
        assertThat(defaults.severityThresholds()).containsExactly(0.5, 0.7, 0.9);
        assertThat(List.of(0.49, 0.5, 0.69, 0.7, 0.89, 0.9, 1.0).stream().map(defaults::severity))
                .containsExactly(0, 1, 1, 2, 2, 3, 3);
    }

    @Test
    void labelsAreMatchedByTheirLettersAndDigitsWhateverSpringKeepsOfTheKey() {
        DownloadedGuardrailProperties properties = bind(Map.of(
                "storyteller.guardrail.downloaded.labels.identity_hate", "HATE",
                "storyteller.guardrail.downloaded.labels[severe_toxic]", "harassment",
                "storyteller.guardrail.downloaded.labels.threat", "violence",
                "storyteller.guardrail.downloaded.labels.self-harm", "self-harm",
                "storyteller.guardrail.downloaded.severity-thresholds", "0.6,0.8,0.95"));

        assertThat(properties.categories()).containsOnly(Map.entry("identityhate", HarmCategory.HATE),
                Map.entry("severetoxic", HarmCategory.HARASSMENT), Map.entry("threat", HarmCategory.VIOLENCE),
                Map.entry("selfharm", HarmCategory.SELF_HARM));
        assertThat(DownloadedGuardrailProperties.normalized("Identity Hate")).isEqualTo("identityhate");
        assertThat(properties.severity(0.81)).isEqualTo(2);
    }

    @Test
    void aLabelMappedToNoHarmCategoryIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("storyteller.guardrail.downloaded.labels.obscene", "PROFANITY")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("storyteller.guardrail.downloaded.labels.obscene must be a harm category")
                .hasMessageContaining("VIOLENCE, SEXUAL, SELF_HARM, HATE, HARASSMENT, ILLEGAL");
    }

    @Test
    void twoKeysForOneLabelMustAgree() {
        assertThatThrownBy(() -> new DownloadedGuardrailProperties(Map.of("Threat", "VIOLENCE", "threat", "HATE"), null))
                .hasMessageContaining("storyteller.guardrail.downloaded.labels.")
                .hasMessageContaining("already maps to");
    }

    @Test
    void thresholdsMustBeThreeRisingScores() {
        for (String thresholds : List.of("0.5,0.7", "0.7,0.5,0.9", "0,0.5,0.9", "0.5,0.7,1.2", "0.5,0.5,0.9")) {
            assertThatThrownBy(() -> bind(Map.of("storyteller.guardrail.downloaded.severity-thresholds", thresholds)))
                    .as(thresholds).isInstanceOf(BindException.class).rootCause()
                    .hasMessageContaining("storyteller.guardrail.downloaded.severity-thresholds must");
        }
    }
}
