package io.storyteller.projections.schema;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of named parameters turned into one text array per name, for SQL that writes a run of rows
 * in one statement ({@code FROM unnest(CAST(:name AS text[]), …)}): PostgreSQL then runs the
 * statement once for the run, where a JDBC batch runs it once per row.
 */
public final class RowArrays {

    private RowArrays() {
    }

    /**
     * Each parameter of the rows as a text array, one element per row in their order: numbers and
     * times in their SQL text form, a row without the parameter (or with null) as null.
     */
    public static Map<String, Object> of(List<? extends Map<String, ?>> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.addAll(row.keySet()));
        Map<String, Object> arrays = new HashMap<>();
        for (String name : names) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Object value = rows.get(i).get(name);
                values[i] = value == null ? null
                        : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            }
            arrays.put(name, values);
        }
        return arrays;
    }
}
