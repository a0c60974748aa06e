package io.storyteller.domain.retrieval;

import java.util.List;

/**
 * Why a hit was retrieved: the query terms it matched (BM25; empty when it did not match by text),
 * and its cosine similarity to the query's embedding when the vector search found it (else null).
 */
public record RetrievalReason(List<String> matchedTerms, Double vectorSimilarity) {

    public RetrievalReason {
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }

    /** A short sentence for provenance and admin views, e.g. {@code matched "harbour", "lamp"; similarity 0.71}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!matchedTerms.isEmpty()) {
            text.append("matched ").append(String.join(", ", matchedTerms.stream().map(t -> "\"" + t + "\"").toList()));
        }
        if (vectorSimilarity != null) {
            text.append(text.isEmpty() ? "" : "; ").append("similarity %.2f".formatted(vectorSimilarity));
        }
        return text.toString();
    }
}
