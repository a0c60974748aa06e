package io.storyteller.ops.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The Flyway schema version of a database, and the migrations this application carries: a backup
 * records the level it was taken at, and a restore builds the target's schema up to that level
 * (the application's next start migrates the rest, as on any upgrade).
 */
final class SchemaLevel {

    /** Where every module puts its migrations; the same as {@code spring.flyway.locations}. */
    private static final String LOCATIONS = "classpath:db/migration";

    private SchemaLevel() {
    }

    /** The highest successfully applied migration, or null on a database Flyway has never run on. */
    static MigrationVersion applied(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet exists = sql.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return null;
            }
        }
        MigrationVersion highest = null;
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                highest = highest == null || version.isNewerThan(highest) ? version : highest;
            }
        }
        return highest;
    }

    /** The newest migration this application carries. */
    static MigrationVersion newestKnown(DataSource target) {
        return Arrays.stream(flyway(target, MigrationVersion.LATEST).info().all()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).reduce((a, b) -> a.isNewerThan(b) ? a : b).orElse(MigrationVersion.EMPTY);
    }

    /** Migrates the target up to {@code version}, as the application would (out of order allowed). */
    static void migrateTo(DataSource target, MigrationVersion version) {
        flyway(target, version).migrate();
    }

    private static Flyway flyway(DataSource target, MigrationVersion version) {
        return Flyway.configure(SchemaLevel.class.getClassLoader()).dataSource(target).locations(LOCATIONS)
                .outOfOrder(true).target(version).load();
    }
}
