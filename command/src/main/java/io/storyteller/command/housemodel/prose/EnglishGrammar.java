package io.storyteller.command.housemodel.prose;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import simplenlg.features.Feature;
import simplenlg.features.Person;
import simplenlg.features.Tense;
import simplenlg.framework.LexicalCategory;
import simplenlg.framework.NLGFactory;
import simplenlg.framework.WordElement;
import simplenlg.lexicon.Lexicon;
import simplenlg.phrasespec.NPPhraseSpec;
import simplenlg.phrasespec.SPhraseSpec;
import simplenlg.realiser.english.Realiser;

/**
 * English grammar for the house narrator: SimpleNLG's lexicon (which word is a verb, its base form)
 * and its realiser (agreement, inflection, capitals, the full stop). Loading the lexicon takes about
 * half a second, so there is one, shared; SimpleNLG is not documented as thread-safe, so its uses
 * are serialised (a clause realises in well under a millisecond).
 */
final class EnglishGrammar {

    private static final class Shared {
        static final EnglishGrammar INSTANCE = new EnglishGrammar();
    }

    private final Lexicon lexicon = Lexicon.getDefaultLexicon();
    private final NLGFactory factory = new NLGFactory(lexicon);
    private final Realiser realiser = new Realiser(lexicon);
    private final Map<String, String> realised = new ConcurrentHashMap<>();
    static final int MAX_REMEMBERED = 20_000;

    private EnglishGrammar() {
    }

    static EnglishGrammar shared() {
        return Shared.INSTANCE;
    }

    /** Whether the word is the base form of a verb ("open", not "opens" or "lantern"). */
    synchronized boolean isBaseVerb(String word) {
        return lexicon.hasWord(word.toLowerCase(Locale.ROOT), LexicalCategory.VERB);
    }

    /** The base form of a verb form ("climbs" → "climb", "went" → "go"), or null if the word is no verb form. */
    synchronized String verbBase(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<WordElement> words = lexicon.getWordsFromVariant(lower);
        String base = words.stream().filter(w -> w.getCategory() == LexicalCategory.VERB)
                .map(WordElement::getBaseForm).findFirst().orElse(null);
        if (base == null && lower.length() > 3 && lower.endsWith("s")) {
            // The lexicon lists some verbs without their -s form ("trims"): take the stem if it is a verb.
            String stem = lower.endsWith("es") && lexicon.hasWord(lower.substring(0, lower.length() - 2), LexicalCategory.VERB)
                    ? lower.substring(0, lower.length() - 2) : lower.substring(0, lower.length() - 1);
            base = lexicon.hasWord(stem, LexicalCategory.VERB) ? stem : null;
        }
        return base;
    }

    /** Whether the lexicon has the word in any form and category. */
    synchronized boolean isKnown(String word) {
        return !lexicon.getWordsFromVariant(word.toLowerCase(Locale.ROOT)).isEmpty();
    }

    synchronized boolean isAdverb(String word) {
        return lexicon.getWordsFromVariant(word.toLowerCase(Locale.ROOT)).stream()
                .anyMatch(w -> w.getCategory() == LexicalCategory.ADVERB);
    }

    /** Whether the word is a common noun (so "open door" needs a determiner). */
    synchronized boolean isNoun(String word) {
        return lexicon.hasWord(word.toLowerCase(Locale.ROOT), LexicalCategory.NOUN);
    }

    /**
     * A present-tense clause as one sentence: capitalised, agreeing, ending in a full stop.
     *
     * @param subject       "you" for the player, else a name or noun phrase
     * @param plural        whether a named subject is plural
     * @param modal         a modal verb ("will", "can") or null
     * @param preModifier   an adverb before the verb ("quickly") or null
     * @param verb          the verb's base form
     * @param complement    what follows the verb, verbatim; may be empty
     * @param frontModifier a phrase before the subject, with its comma ("Slowly,"), or null
     */
    String clause(String subject, boolean plural, String modal, String preModifier, String verb,
            String complement, String frontModifier) {
        // Beats ask for the same clauses again and again (the same actor, manners and lore names).
        String key = String.join("\u0000", subject, String.valueOf(plural), String.valueOf(modal),
                String.valueOf(preModifier), verb, String.valueOf(complement), String.valueOf(frontModifier));
        if (realised.size() > MAX_REMEMBERED) {
            realised.clear();
        }
        return realised.computeIfAbsent(key, k -> realise(subject, plural, modal, preModifier, verb, complement, frontModifier));
    }

    private synchronized String realise(String subject, boolean plural, String modal, String preModifier, String verb,
            String complement, String frontModifier) {
        SPhraseSpec clause = factory.createClause();
        NPPhraseSpec who = factory.createNounPhrase(subject);
        if ("you".equalsIgnoreCase(subject)) {
            who.setFeature(Feature.PERSON, Person.SECOND);
        } else if (plural) {
            who.setPlural(true);
        }
        clause.setSubject(who);
        clause.setVerb(verb);
        clause.setFeature(Feature.TENSE, Tense.PRESENT);
        if (modal != null) {
            clause.setFeature(Feature.MODAL, modal);
        }
        if (preModifier != null) {
            clause.addPreModifier(preModifier);
        }
        if (complement != null && !complement.isBlank()) {
            clause.addComplement(complement);
        }
        if (frontModifier != null) {
            clause.addFrontModifier(frontModifier);
        }
        return realiser.realiseSentence(clause);
    }
}
