package io.storyteller.domain.validation;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;

/**
 * An evaluation suite's items.
 *
 * @param source  the file for {@code FILE} and {@code CLASSPATH}; null for {@code RECENT_TURNS}
 * @param worldId whose recorded turns to replay; null: all worlds (or the validation's world)
 * @param limit   how many items at most: the most recent turns, the first lines of a file
 */
public record SuiteDataset(DatasetKind kind, String source, String worldId, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public static SuiteDataset recentTurns(int limit) {
        return new SuiteDataset(DatasetKind.RECENT_TURNS, null, null, limit);
    }

    public static SuiteDataset classpath(String resource, int limit) {
        return new SuiteDataset(DatasetKind.CLASSPATH, resource, null, limit);
    }

    /** Checked as a suite's definition checks it: names the field and the rule of what is wrong. */
    public SuiteDataset validated() {
        DatasetKind checked = Require.present("dataset.kind", kind);
        Require.range("dataset.limit", limit, 1, MAX_LIMIT);
        String world = Require.optionalText("dataset.worldId", worldId, 100);
        if (checked == DatasetKind.RECENT_TURNS) {
            return new SuiteDataset(checked, null, world.isEmpty() ? null : world, limit);
        }
        String file = Require.text("dataset.source", source, 500);
        if (file.startsWith("/") || file.contains("..") || file.contains("\\")) {
            throw DomainRejection.invalid("dataset.source", "relative-path",
                    "a dataset file is named relative to its root, without '..'");
        }
        return new SuiteDataset(checked, file, null, limit);
    }
}
