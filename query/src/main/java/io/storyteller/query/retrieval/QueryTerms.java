package io.storyteller.query.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words of a question that a document matched by BM25, found here instead of by the search
 * node's highlighter: the text fields are mapped with OpenSearch's {@code english} analyzer, which
 * is Lucene's (standard tokenizer, English possessives, lower case, English stop words, Porter
 * stemmer), so a question word matched a document when its stem is among the stems of the
 * document's text. The highlighter analyses every hit's fields again on the node and builds an
 * index of each to find them, which was a third of a text search's cost.
 */
final class QueryTerms {

    /** The index's {@code english} analyzer. Analyzers are safe to share; each thread reuses its own streams. */
    private static final Analyzer STEMS = new EnglishAnalyzer();
    /** The same chain without the stemmer: the words as the question wrote them, lower case. */
    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream words = new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)),
                    EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, words);
        }
    };

    private final List<String> words = new ArrayList<>();
    private final List<String> stems = new ArrayList<>();

    private QueryTerms() {
    }

    /** A question's words (lower case, stop words left out) and the stem of each. */
    static QueryTerms of(String question) {
        QueryTerms terms = new QueryTerms();
        for (String word : new LinkedHashSet<>(tokens(WORDS, question))) {
            List<String> stem = tokens(STEMS, word);
            if (!stem.isEmpty()) {
                terms.words.add(word);
                terms.stems.add(stem.getFirst());
            }
        }
        return terms;
    }

    /** The question's words whose stems occur in any of {@code texts}, in the question's order. */
    List<String> matchedIn(Collection<String> texts) {
        if (words.isEmpty()) {
            return List.of();
        }
        Set<String> found = new HashSet<>();
        for (String text : texts) {
            if (text != null) {
                found.addAll(tokens(STEMS, text));
            }
        }
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (found.contains(stems.get(i))) {
                matched.add(words.get(i));
            }
        }
        return matched;
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a text in memory failed", e);
        }
        return tokens;
    }
}
