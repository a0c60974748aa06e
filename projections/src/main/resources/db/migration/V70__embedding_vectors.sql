-- Every vector an embedder made, kept by the embedder (modelId@version) and the SHA-256 of the text:
-- a rebuild of the search indexes reads them instead of embedding the log's texts again. A changed
-- embedder version has other keys, so it misses and embeds anew. Vectors are little-endian float32.
CREATE TABLE embedding_vectors (
    embedder    text  NOT NULL,
    text_sha256 bytea NOT NULL,
    vector      bytea NOT NULL,
    PRIMARY KEY (embedder, text_sha256)
);
