package io.storyteller.ops.search;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the OpenSearch client connects: the embedded node or the configured cluster. The client
 * bean depends on it, so an embedded node is stopped only after the client and everything using it.
 */
public interface SearchEndpoint {

    List<URI> uris();

    /** {@code true} for the node this application started itself. */
    boolean embedded();

    /** The directory on this machine the node keeps snapshot repositories in, when the application knows it (its own node). */
    default Optional<Path> snapshots() {
        return Optional.empty();
    }
}
