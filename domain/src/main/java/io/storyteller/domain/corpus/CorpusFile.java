package io.storyteller.domain.corpus;

/**
 * One written file of an export.
 *
 * @param dataset its dataset
 * @param split   {@code train} or {@code holdout}
 * @param name    the file name inside the export directory
 * @param records JSON lines in it
 * @param sha256  hex SHA-256 of its bytes
 */
public record CorpusFile(CorpusDataset dataset,
        String split,
        String name,
        long records,
        String sha256) {
}
