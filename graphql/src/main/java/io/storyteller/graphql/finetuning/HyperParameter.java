package io.storyteller.graphql.finetuning;

import java.util.List;
import java.util.Map;

/** One hyper-parameter as the API lists it. */
public record HyperParameter(String name, String value) {

    static List<HyperParameter> of(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> new HyperParameter(entry.getKey(), entry.getValue())).toList();
    }
}
