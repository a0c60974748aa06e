package io.storyteller.ops.instances;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application instances on this database, from {@code processing_instances}: each writes its row
 * with the processors it runs at every heartbeat; one not heard from for the expiry is gone. The
 * database's clock decides, so the instances' clocks need not agree.
 */
final class InstanceRegistry {

    private final JdbcClient jdbc;
    private final String me;
    private final Duration expiry;

    InstanceRegistry(JdbcClient jdbc, String me, Duration expiry) {
        this.jdbc = jdbc;
        this.me = me;
        this.expiry = expiry;
    }

    String me() {
        return me;
    }

    void beat(Collection<String> processors) {
        jdbc.sql("""
                INSERT INTO processing_instances (instance_id, processors, started_at, last_seen)
                VALUES (:id, :processors, now(), now())
                ON CONFLICT (instance_id) DO UPDATE SET processors = excluded.processors, last_seen = now()""")
                .param("id", me).param("processors", processors.toArray(String[]::new)).update();
    }

    /** The live instances (this one among them once it has beaten), each with the processors it runs. */
    Map<String, Set<String>> live() {
        return jdbc.sql("SELECT instance_id, processors FROM processing_instances"
                        + " WHERE last_seen > now() - make_interval(secs => :expiry)")
                .param("expiry", expiry.toMillis() / 1000.0)
                .query((row, n) -> Map.entry(row.getString("instance_id"),
                        Set.copyOf(Arrays.asList((String[]) row.getArray("processors").getArray()))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Leaving: the others stop counting this instance at once. */
    void leave() {
        jdbc.sql("DELETE FROM processing_instances WHERE instance_id = :id").param("id", me).update();
    }

    /** Claimed segments of the processor by owner, and how many segments it has in all. */
    Claims claims(String processor) {
        List<Owned> rows = jdbc.sql(
                        "SELECT owner, count(*) AS segments FROM tokenentry WHERE processorname = :name GROUP BY owner")
                .param("name", processor)
                .query((row, n) -> new Owned(row.getString("owner"), row.getInt("segments")))
                .list();
        Map<String, Integer> byOwner = rows.stream().filter(row -> row.owner() != null)
                .collect(Collectors.toMap(Owned::owner, Owned::segments));
        return new Claims(rows.stream().mapToInt(Owned::segments).sum(), byOwner);
    }

    /** Segments with one owner; a null owner for the unclaimed. */
    private record Owned(String owner, int segments) {
    }

    record Claims(int segments, Map<String, Integer> byOwner) {
    }
}
