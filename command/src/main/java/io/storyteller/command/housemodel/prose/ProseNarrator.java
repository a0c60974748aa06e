package io.storyteller.command.housemodel.prose;

import io.storyteller.command.brief.BriefFact;
import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The house narrator: answers the player's action in grammatical sentences grounded in the lore
 * and the story. It reads the action as a clause, plans the beat ({@link BeatPlan}), offers each
 * sentence in several well-formed versions — realised by the grammar or taken whole from the lore —
 * and lets the world's trained model choose: the most likely version after the text so far, less
 * what would repeat the recent story, plus a draw scaled by the temperature. Sentences stream as
 * words the moment each is chosen. Thread-safe; the grammar is shared.
 */
public final class ProseNarrator {

    /** How much one unit of temperature lets chance outweigh the model, in log-probability units. */
    static final double NOISE = 0.6;
    /** Bonus per word a lore sentence shares with the action, up to {@link #MAX_RELEVANCE}. */
    static final double RELEVANCE = 0.4;
    static final double MAX_RELEVANCE = 1.2;

    private final EnglishGrammar grammar = EnglishGrammar.shared();
    private final ActionReader reader = new ActionReader(grammar);

    /**
     * @param seed        fixes every choice: same brief, model and seed, same beat
     * @param temperature zero or less picks the model's favourite every time
     * @param maxWords    sentences that would pass it are left out; the first sentence is always written,
     *                    in its shortest version if none fits
     * @param onPiece     receives each word (with its leading space) as the beat is written
     */
    public WrittenBeat narrate(NarrationBrief brief, SentenceScorer model, long seed, double temperature,
            int maxWords, Consumer<String> onPiece) {
        SplittableRandom random = new SplittableRandom(seed);
        PlayerAction action = reader.read(brief.action());
        Draft draft = new Draft(model, new Novelty(brief.recentNarrations()), random, Math.max(0, temperature),
                maxWords, onPiece);
        Set<String> actionWords = new HashSet<>(Novelty.words(action.words()));
        Set<String> cited = new HashSet<>();
        for (BeatPlan.Part part : BeatPlan.of(brief, random).parts()) {
            boolean written = switch (part.kind()) {
                case ACTION -> draft.write(draft.choose(ActionSentences.candidates(action, grammar), w -> 0));
                case AMBIENT -> draft.write(draft.choose(SceneSentences.ambient(model::knows), w -> 0));
                case HOOK -> draft.write(draft.choose(SceneSentences.hooks(action), w -> 0));
                case FACT -> {
                    String fact = SceneSentences.fact(relevantFact(brief.facts(), actionWords));
                    yield fact == null || draft.write(fact);
                }
                case LORE -> writeLore(part.lore(), action, brief.action() == null ? "" : brief.action(), actionWords,
                        cited, draft);
            };
            if (!written) {
                break;
            }
        }
        return draft.finished();
    }

    /** A sentence of one entry, preceded by one naming it when the sentence does not. */
    private boolean writeLore(List<BriefLore> entries, PlayerAction action, String actionText, Set<String> actionWords,
            Set<String> cited, Draft draft) {
        // Lore the action itself names comes before lore that recent beats kept active.
        List<BriefLore> keyed = entries.stream()
                .filter(e -> !cited.contains(e.loreEntryId()) && LoreSentences.keyedBy(e, actionText)).toList();
        entries = keyed.isEmpty() ? entries : keyed;
        List<String> options = new ArrayList<>();
        List<BriefLore> owners = new ArrayList<>();
        for (BriefLore entry : entries) {
            if (!cited.contains(entry.loreEntryId())) {
                for (String detail : LoreSentences.details(entry, grammar)) {
                    options.add(detail);
                    owners.add(entry);
                }
            }
        }
        if (options.isEmpty()) {
            // Entries too short to quote are still named.
            BriefLore entry = entries.stream().filter(e -> !cited.contains(e.loreEntryId())).findFirst().orElse(null);
            if (entry == null) {
                return true;
            }
            cited.add(entry.loreEntryId());
            return draft.write(draft.choose(LoreSentences.naming(entry, action, grammar), w -> 0));
        }
        int chosen = options.indexOf(draft.choose(options, option -> relevance(Novelty.words(option), actionWords)));
        BriefLore entry = owners.get(chosen);
        cited.add(entry.loreEntryId());
        String detail = options.get(chosen);
        String naming = draft.choose(LoreSentences.naming(entry, action, grammar), w -> 0);
        if (draft.repeats(detail)) {
            return draft.write(naming); // every sentence of the entry was told lately: name it, do not retell it
        }
        if (LoreSentences.names(detail, entry)) {
            return draft.write(detail);
        }
        return draft.write(naming, detail);
    }

    private static double relevance(List<String> words, Set<String> actionWords) {
        long shared = words.stream().distinct().filter(w -> w.length() > 3 && actionWords.contains(w)).count();
        return Math.min(MAX_RELEVANCE, RELEVANCE * shared);
    }

    private static BriefFact relevantFact(List<BriefFact> facts, Set<String> actionWords) {
        return facts.stream()
                .filter(f -> f.entity() != null && Novelty.words(f.entity()).stream().anyMatch(actionWords::contains))
                .findFirst().orElse(facts.getFirst());
    }

    /** The beat being written: its text, the choice among options, and the stream of words. */
    private static final class Draft {

        private final SentenceScorer model;
        private final Novelty novelty;
        private final SplittableRandom random;
        private final double temperature;
        private final int maxWords;
        private final Consumer<String> onPiece;
        private final StringBuilder text = new StringBuilder();
        private int pieces;
        private boolean cut;

        Draft(SentenceScorer model, Novelty novelty, SplittableRandom random, double temperature, int maxWords,
                Consumer<String> onPiece) {
            this.model = model;
            this.novelty = novelty;
            this.random = random;
            this.temperature = temperature;
            this.maxWords = maxWords;
            this.onPiece = onPiece;
        }

        /** The best option that fits the words left; the shortest when none does. */
        String choose(List<String> options, ToDoubleFunction<String> bonus) {
            List<String> fitting = options.stream().filter(o -> pieces + o.split("\\s+").length <= maxWords).toList();
            if (fitting.isEmpty()) {
                return options.stream().min(Comparator.comparingInt(o -> o.split("\\s+").length)).orElseThrow();
            }
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (String option : fitting) {
                double score = model.meanLogProbability(text.toString(), option) - novelty.penalty(option)
                        + bonus.applyAsDouble(option) + temperature * NOISE * gumbel();
                if (score > bestScore) {
                    bestScore = score;
                    best = option;
                }
            }
            return best;
        }

        /** Whether the story told this very sentence lately. */
        boolean repeats(String sentence) {
            return novelty.penalty(sentence) >= Novelty.SAME_SENTENCE;
        }

        /** Writes the sentences, or none of them if they would pass the word limit; false once the beat is full. */
        boolean write(String... sentences) {
            List<String> words = new ArrayList<>();
            for (String sentence : sentences) {
                words.addAll(List.of(sentence.strip().split("\\s+")));
            }
            if (pieces > 0 && pieces + words.size() > maxWords) {
                cut = true;
                return false;
            }
            for (String word : words) {
                String piece = pieces == 0 ? word : " " + word;
                text.append(piece);
                pieces++;
                onPiece.accept(piece);
            }
            for (String sentence : sentences) {
                novelty.remember(sentence);
            }
            return true;
        }

        WrittenBeat finished() {
            return new WrittenBeat(text.toString(), pieces, cut);
        }

        private double gumbel() {
            double u = random.nextDouble();
            return -Math.log(-Math.log(Math.max(u, Double.MIN_VALUE)));
        }
    }
}
