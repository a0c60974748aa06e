package io.storyteller.ops.backup;

import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.util.ArrayList;
import java.util.List;

/**
 * A table that a backup holds, with the rows of it that it holds.
 *
 * @param name   the table
 * @param part   which of the table's files this is, when a backup holds several (null for the only one)
 * @param filter a condition on its rows, or null for all
 * @param cache  whether it only saves work that can be done again (a restore replaces its rows)
 */
public record BackedUpTable(String name, String part, String filter, boolean cache) {

    public BackedUpTable(String name, String filter, boolean cache) {
        this(name, null, filter, cache);
    }

    /** Axon names a saga's processor after the saga's class; every saga of this platform ends in "Saga". */
    static final String SAGA_PROCESSORS = "processorname LIKE '%SagaProcessor'";

    /**
     * What cannot be rebuilt from anything else: the events, the aggregates' snapshots, the sagas with
     * their associations, the dead letters, the persistent deadlines and scheduled events, and the
     * positions of the saga processors (a saga's state is only consistent with the position it was
     * saved at; the same transaction wrote both). Read models, the other processors' tokens, search
     * indexes and caches are rebuilt from the events and are not in a backup.
     */
    public static final List<BackedUpTable> SOURCE_OF_TRUTH = List.of(
            new BackedUpTable("domainevententry", null, false),
            new BackedUpTable("snapshotevententry", null, false),
            new BackedUpTable("sagaentry", null, false),
            new BackedUpTable("associationvalueentry", null, false),
            new BackedUpTable("deadletterentry", null, false),
            new BackedUpTable("scheduled_tasks", null, false),
            new BackedUpTable("tokenentry", SAGA_PROCESSORS, false));

    /**
     * On request only: the vectors the embedders made, by text. Rebuilding the search indexes after a
     * restore then reads them instead of embedding every text of the log again, several times faster.
     */
    public static final BackedUpTable KEPT_VECTORS = new BackedUpTable("embedding_vectors", null, true);

    /** The processing groups whose state is in the search indexes, not in the database. */
    public static final List<String> SEARCH_GROUPS = List.of(LoreIndexProjection.GROUP, BeatIndexProjection.GROUP);

    /**
     * With the read models: the positions of every processor but the search indexes', read in the
     * snapshot of the read models they describe.
     */
    public static final BackedUpTable PROJECTION_TOKENS = new BackedUpTable("tokenentry", null,
            "processorname NOT IN (" + quoted(SEARCH_GROUPS) + ")", false);

    /**
     * With the read models: the positions of the search indexes, read before their snapshot is taken
     * (every event up to them is in it; a restore replays what it holds beyond them again, harmlessly).
     */
    public static final BackedUpTable SEARCH_TOKENS = new BackedUpTable("tokenentry", "search",
            "processorname IN (" + quoted(SEARCH_GROUPS) + ")", false);

    /** The Flyway history: a backup records its level; a restore migrates the target to it instead of copying it. */
    public static final String SCHEMA_HISTORY = "flyway_schema_history";

    /** The event table: the restore target must hold none of its rows. */
    public static final String EVENTS = "domainevententry";
    /** The token table: a restore replaces whatever tokens the target held. */
    public static final String TOKENS = "tokenentry";

    /** The file a backup writes the table's rows into. */
    public String file() {
        return name + (part == null ? "" : "." + part) + ".copy.gz";
    }

    /** Whether this table is one of the source of truth, which a restore never replaces. */
    public static boolean sourceOfTruth(String table) {
        return SOURCE_OF_TRUTH.stream().anyMatch(kept -> kept.name().equals(table));
    }

    /**
     * What a backup with the read models holds: the source of truth with every processor's position
     * but the search indexes', and every other table of the schema (the read models and caches,
     * which a restore replaces), in the order of {@code tables}.
     */
    static List<BackedUpTable> withReadModels(List<String> tables) {
        List<BackedUpTable> all = new ArrayList<>();
        for (BackedUpTable table : SOURCE_OF_TRUTH) {
            all.add(table.name().equals(TOKENS) ? PROJECTION_TOKENS : table);
        }
        for (String table : tables) {
            if (!sourceOfTruth(table) && !table.equals(SCHEMA_HISTORY)) {
                all.add(new BackedUpTable(table, null, true));
            }
        }
        return all;
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(value -> "'" + value + "'").toList());
    }

    /** The rows of the table that a backup holds, for COPY. */
    String rows(List<String> columns) {
        String select = "SELECT " + String.join(", ", columns) + " FROM " + name;
        return filter == null ? select : select + " WHERE " + filter;
    }
}
