package io.storyteller.ops.search;

import java.net.URI;
import java.util.List;

/**
 * Where the OpenSearch client connects: the embedded node or the configured cluster. The client
 * bean depends on it, so an embedded node is stopped only after the client and everything using it.
 */
public interface SearchEndpoint {

    List<URI> uris();

    /** {@code true} for the node this application started itself. */
    boolean embedded();
}
