package io.storyteller.command.housemodel.training;

/**
 * What a house model was trained on.
 *
 * @param documents      non-empty documents (beats, lore entries)
 * @param tokens         word and punctuation tokens, beat markers excluded
 * @param vocabularySize tokens in the vocabulary, special tokens included
 * @param distinctWords  distinct words seen before the vocabulary cut
 * @param unknownTokens  tokens mapped to {@code <unk>} because they fell outside the vocabulary
 */
public record CorpusStatistics(int documents, long tokens, int vocabularySize, int distinctWords, long unknownTokens) {
}
