package io.storyteller.ops.backup;

import java.util.List;

/**
 * One table's file in a backup.
 *
 * @param table      the table
 * @param file       the file, in the backup's directory (PostgreSQL's binary COPY format, gzip-compressed)
 * @param columns    the columns in the file, in order
 * @param filter     the condition its rows met, or null for the whole table
 * @param rows       rows in the file
 * @param bytes      the file's size
 * @param sha256     the file's SHA-256, hex
 * @param tookMillis how long writing it took
 */
public record TableFile(String table, String file, List<String> columns, String filter, long rows, long bytes,
                        String sha256, long tookMillis) {

    public TableFile {
        columns = List.copyOf(columns);
    }
}
