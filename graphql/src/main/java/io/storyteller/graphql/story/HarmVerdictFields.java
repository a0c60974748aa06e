package io.storyteller.graphql.story;

import io.storyteller.domain.story.HarmVerdict;
import java.util.Comparator;
import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A guardrail verdict's severities as a list, most severe first: GraphQL has no map type. */
@Controller
public class HarmVerdictFields {

    @SchemaMapping(typeName = "HarmVerdict", field = "severities")
    public List<HarmSeverity> severities(HarmVerdict verdict) {
        return verdict.severities().entrySet().stream()
                .map(e -> new HarmSeverity(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(HarmSeverity::severity).reversed().thenComparing(HarmSeverity::category))
                .toList();
    }

    /** One category's severity. */
    public record HarmSeverity(String category, int severity) {
    }
}
