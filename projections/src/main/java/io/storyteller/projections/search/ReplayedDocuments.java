package io.storyteller.projections.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a replay from the start of the log has written into the indexes this process recreated for
 * it. Those indexes began empty and nothing else writes them while the replay runs, so a document
 * the replay has not written does not exist, and one it wrote recently is as it was written: the
 * batch's view needs no {@code _mget} for either. That read is not only a round trip: a real-time
 * get of a document written since the last refresh makes the node refresh the shard, which in a
 * replay (every batch reads the cursors the previous batch wrote) cut a new small segment, with its
 * own HNSW graph, per batch.
 * <p>
 * Only ids are kept for every written document; sources only for the {@value #RECENT} most recently
 * used, which a replay in log order mostly asks for (a story's cursor, a narration's retry). A
 * document written but forgotten is read again. Kept only while the replay runs ({@link #start} at
 * the reset, {@link #stop} at the first event past it), and only for one process: a reset on
 * another node leaves this one reading.
 */
final class ReplayedDocuments {

    static final int RECENT = 10_000;

    private final Set<DocumentKey> written = new HashSet<>();
    private final Map<DocumentKey, SearchDocuments.Stored> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DocumentKey, SearchDocuments.Stored> eldest) {
            return size() > RECENT;
        }
    };
    private volatile boolean replaying;

    /** The indexes were recreated empty: from now on this process knows every document in them. */
    synchronized void start() {
        written.clear();
        recent.clear();
        replaying = true;
    }

    /** The replay caught up (or gave way to live events): documents are read from the index again. @return whether it was replaying */
    synchronized boolean stop() {
        boolean was = replaying;
        replaying = false;
        written.clear();
        recent.clear();
        return was;
    }

    /**
     * The document as the replay left it, if known without reading: empty when this process is not
     * replaying or has forgotten it; an answer of a null source with version -1 when it was never written.
     */
    synchronized Optional<SearchDocuments.Stored> known(DocumentKey key) {
        if (!replaying) {
            return Optional.empty();
        }
        if (!written.contains(key)) {
            return Optional.of(new SearchDocuments.Stored(null, -1));
        }
        return Optional.ofNullable(recent.get(key));
    }

    /** A document written (a null source: deleted) at {@code version}, as the index now holds it. */
    synchronized void written(DocumentKey key, long version, Map<String, Object> source) {
        if (replaying) {
            written.add(key);
            recent.put(key, new SearchDocuments.Stored(source, version));
        }
    }
}
