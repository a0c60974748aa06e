package io.storyteller.command.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The kept vectors in PostgreSQL ({@code embedding_vectors}, owned by the read-model migrations):
 * keyed by embedder and the SHA-256 of the text, the vector as little-endian float32 (1,536 bytes
 * for 384 dimensions). One statement finds a whole batch's texts, one keeps a batch's new vectors.
 * <p>
 * Statements join the caller's transaction when there is one (an indexing batch, a command): no
 * second connection is taken from the pool while one is held. New rows are inserted in key order,
 * so two transactions keeping the same new texts wait for each other in one order and cannot
 * deadlock within one statement; a row another transaction kept first is left as it is.
 */
public final class VectorTable implements KeptVectors {

    private static final String FIND = """
            SELECT text_sha256, vector FROM embedding_vectors WHERE embedder = ? AND text_sha256 = ANY (?)""";
    private static final String KEEP = """
            INSERT INTO embedding_vectors (embedder, text_sha256, vector)
            SELECT ?, hash, vector FROM unnest(?::bytea[], ?::bytea[]) AS kept (hash, vector)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;

    public VectorTable(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Map<String, float[]> find(String embedder, Collection<String> texts) {
        if (texts.isEmpty()) {
            return Map.of();
        }
        Map<Hash, String> byHash = new HashMap<>();
        for (String text : texts) {
            byHash.put(Hash.of(text), text);
        }
        byte[][] hashes = byHash.keySet().stream().map(Hash::bytes).toArray(byte[][]::new);
        Map<String, float[]> found = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(FIND);
            statement.setString(1, embedder);
            statement.setArray(2, connection.createArrayOf("bytea", hashes));
            return statement;
        }, row -> {
            String text = byHash.get(new Hash(row.getBytes(1)));
            if (text != null) {
                found.put(text, decode(row.getBytes(2)));
            }
        });
        return found;
    }

    @Override
    public void keep(String embedder, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        Map<Hash, float[]> sorted = new LinkedHashMap<>();
        vectors.entrySet().stream()
                .map(entry -> Map.entry(Hash.of(entry.getKey()), entry.getValue()))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Hash::bytes, Arrays::compareUnsigned)))
                .forEach(entry -> sorted.putIfAbsent(entry.getKey(), entry.getValue()));
        byte[][] hashes = sorted.keySet().stream().map(Hash::bytes).toArray(byte[][]::new);
        byte[][] encoded = sorted.values().stream().map(VectorTable::encode).toArray(byte[][]::new);
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(KEEP);
            statement.setString(1, embedder);
            statement.setArray(2, connection.createArrayOf("bytea", hashes));
            statement.setArray(3, connection.createArrayOf("bytea", encoded));
            return statement;
        });
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** A text's SHA-256, comparable by content. */
    private record Hash(byte[] bytes) {

        static Hash of(String text) {
            try {
                return new Hash(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Hash hash && Arrays.equals(bytes, hash.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return java.util.HexFormat.of().formatHex(bytes);
        }
    }
}
