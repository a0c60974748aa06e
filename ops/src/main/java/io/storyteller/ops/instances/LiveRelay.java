package io.storyteller.ops.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyteller.domain.shared.LiveQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Live updates and commit notices shared among the instances on one PostgreSQL database, through
 * its notifications ({@code NOTIFY} / {@code LISTEN} on one channel). On the JDBC event store each
 * instance's subscribers hear only what their own instance emits, yet a story's events are
 * projected, and its narration generated, by whichever instance claims its segment: so an update of
 * a {@link LiveQuery} emitted here is also sent to the others, which hand it to their subscribers
 * whose query {@link LiveQuery#wants wants} it; and a commit of events here wakes the others'
 * processors at once instead of at their next poll.
 * <p>
 * Sending never blocks the emitter: messages wait in a bounded queue for the sender thread, which
 * notifies them in one transaction per batch (PostgreSQL delivers a transaction's notifications in
 * order). A payload too long for a notification is stored in {@code live_update_relay} and sent by
 * reference. Live updates are best effort, like a watcher's own buffer: when the queue is full an
 * update is dropped and counted; a subscriber that needs the whole story reads it again.
 */
public final class LiveRelay implements SmartLifecycle {

    static final String CHANNEL = "storyteller_live";
    /** PostgreSQL refuses notification payloads of 8000 bytes or more. */
    static final int MAX_NOTIFICATION_BYTES = 7900;
    private static final int QUEUE = 10_000;
    private static final int BATCH = 200;
    private static final long PRUNE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);

    private final DataSource dataSource;
    private final Serializer serializer;
    private final String me;
    private final String ownPrefix;
    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<String> outgoing = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean noticePending = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Set<Runnable> commitListeners = new CopyOnWriteArraySet<>();
    private final Peers peers;
    private volatile QueryUpdateEmitter local;
    private volatile boolean running;
    private Thread sender;
    private Thread listener;
    private long lastPrune = System.nanoTime();

    public LiveRelay(DataSource dataSource, Serializer serializer, String instanceId, Peers peers) {
        this.dataSource = dataSource;
        this.peers = peers;
        this.serializer = serializer;
        this.me = instanceId;
        this.ownPrefix = json.createObjectNode().put("o", instanceId).toString().replaceFirst("}$", ",");
    }

    /** The emitter the application uses: {@code local}'s, whose updates of live queries are also relayed. */
    public QueryUpdateEmitter around(QueryUpdateEmitter local) {
        this.local = local;
        return new RelayingUpdateEmitter(local, this);
    }

    /** Runs whenever another instance has committed events. */
    public void onOthersCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    /** Tells the other instances that events were committed here (coalesced while one notice waits). */
    public void committed() {
        if (running && peers.othersAlive() && noticePending.compareAndSet(false, true)) {
            ObjectNode notice = json.createObjectNode().put("o", me).put("c", true);
            if (!outgoing.offer(notice.toString())) {
                noticePending.set(false);
            }
        }
    }

    /** Updates not relayed because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Messages sent to the other instances. */
    public long sent() {
        return sent.get();
    }

    /** Messages received from the other instances. */
    public long received() {
        return received.get();
    }

    void publish(Class<?> queryType, Object update) {
        if (!running || !peers.othersAlive()) {
            return;
        }
        SerializedObject<String> data = serializer.serialize(update, String.class);
        ObjectNode message = json.createObjectNode().put("o", me).put("q", queryType.getName())
                .put("t", data.getType().getName()).put("r", data.getType().getRevision()).put("d", data.getData());
        if (!outgoing.offer(message.toString())) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                log.warn("Live updates for the other instances are coming faster than they can be sent; {} dropped so far", count);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        sender = Thread.ofPlatform().daemon().name("live-relay-sender").start(this::sendLoop);
        listener = Thread.ofPlatform().daemon().name("live-relay-listener").start(this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : new Thread[] {sender, listener}) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the event processors and the database pool stop; after them at start. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void sendLoop() {
        List<String> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                batch.add(outgoing.take());
                outgoing.drainTo(batch, BATCH - 1);
                noticePending.set(false);
                send(batch);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not relay {} live messages to the other instances: {}", batch.size(), e.toString());
                pause();
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<String> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> payloads = new ArrayList<>(batch.size());
                for (String message : batch) {
                    payloads.add(message.getBytes(StandardCharsets.UTF_8).length <= MAX_NOTIFICATION_BYTES
                            ? message : reference(connection, message));
                }
                try (PreparedStatement notify = connection.prepareStatement(
                        "SELECT pg_notify('" + CHANNEL + "', payload) FROM unnest(?::text[]) AS payload")) {
                    Array array = connection.createArrayOf("text", payloads.toArray());
                    notify.setArray(1, array);
                    notify.execute();
                }
                if (System.nanoTime() - lastPrune > PRUNE_EVERY_NANOS) {
                    try (Statement prune = connection.createStatement()) {
                        prune.executeUpdate("DELETE FROM live_update_relay WHERE created_at < now() - interval '1 minute'");
                    }
                    lastPrune = System.nanoTime();
                }
                connection.commit();
                sent.addAndGet(batch.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private String reference(Connection connection, String message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO live_update_relay (payload) VALUES (?) RETURNING id")) {
            insert.setString(1, message);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return json.createObjectNode().put("o", me).put("ref", id.getLong(1)).toString();
            }
        }
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(1000);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            receive(connection, notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening to the other instances failed, listening again in a second: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void receive(Connection connection, String payload) throws SQLException {
        if (payload.startsWith(ownPrefix)) {
            return; // this instance's own message (every message writes its origin first): not even parsed
        }
        JsonNode message;
        try {
            message = json.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn("Ignored a message on {} that is not JSON", CHANNEL);
            return;
        }
        received.incrementAndGet();
        if (message.has("ref")) {
            try (PreparedStatement read = connection.prepareStatement("SELECT payload FROM live_update_relay WHERE id = ?")) {
                read.setLong(1, message.get("ref").asLong());
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        receive(connection, row.getString(1));
                    }
                }
            }
            return;
        }
        if (message.path("c").asBoolean()) {
            commitListeners.forEach(Runnable::run);
            return;
        }
        try {
            deliver(message);
        } catch (RuntimeException | ClassNotFoundException e) {
            log.warn("Could not deliver a live update relayed from {}: {}", message.path("o").asText(), e.toString());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void deliver(JsonNode message) throws ClassNotFoundException {
        Class<?> queryType = Class.forName(message.path("q").asText(), false, LiveRelay.class.getClassLoader());
        if (!LiveQuery.class.isAssignableFrom(queryType)) {
            throw new IllegalArgumentException(queryType.getName() + " is not a live query");
        }
        String revision = message.hasNonNull("r") ? message.get("r").asText() : null;
        Object update = serializer.deserialize(new SimpleSerializedObject<>(message.path("d").asText(), String.class,
                message.path("t").asText(), revision));
        QueryUpdateEmitter target = local;
        if (target != null) {
            target.emit((Class) queryType, query -> ((LiveQuery) query).wants(update), update);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
