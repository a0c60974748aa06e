package io.storyteller.command.validation;

import java.util.List;
import java.util.Map;

/**
 * What running a suite measured on the candidate and on the incumbent: each side's metrics and the
 * items side by side.
 *
 * @param incumbent null when there was no incumbent
 */
record SuiteRun(Map<String, Double> candidate, Map<String, Double> incumbent, List<ItemResult> items) {

    SuiteRun {
        candidate = Map.copyOf(candidate);
        incumbent = incumbent == null ? null : Map.copyOf(incumbent);
        items = List.copyOf(items);
    }
}
