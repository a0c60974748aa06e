package io.storyteller.graphql.finetuning;

import java.util.List;
import java.util.Map;

/** How many records one file of a dataset holds, as the API lists it. */
public record DatasetFileCount(String name, long records) {

    static List<DatasetFileCount> of(Map<String, Long> records) {
        return records.entrySet().stream().map(entry -> new DatasetFileCount(entry.getKey(), entry.getValue())).toList();
    }
}
