package io.storyteller.projections.schema;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Conversions between the read model's column types and Java values. */
public final class Columns {

    private Columns() {
    }

    /** timestamptz parameter: pgjdbc binds {@link OffsetDateTime}, not {@link Instant}. */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** text[] parameter; pgjdbc binds a {@code String[]} as text[]. */
    public static String[] textArray(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    /** A text[] column as an unmodifiable list (elements may be null, so not {@code List.of}). */
    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    /** A nullable integer column. */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
