package io.storyteller.domain.acquisition;

/** How a named copy is made. */
public enum ModelCopyMethod {
    /** The Ollama server copies the model under the new name ({@code POST /api/copy}). */
    OLLAMA_COPY,
    /** The source version's files are copied to {@code <data-dir>/models/copies/<name>/} and verified. */
    ARTIFACT_DIRECTORY
}
