package io.storyteller.ops.benchmark.prose;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.serving.HouseChatModel;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.HouseModelTrainer;
import io.storyteller.command.housemodel.training.TrainingSettings;
import io.storyteller.command.narration.NarrationProperties;
import io.storyteller.command.narration.context.ActionToAnswer;
import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.StoryContext;
import io.storyteller.command.narration.context.Turn;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.ops.benchmark.prose.ProseActions.ProseAction;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Categories;
import org.languagetool.rules.RuleMatch;

/**
 * A runnable benchmark, not a test: the house narrator over the seeded Lantern Coast, offline and
 * without Spring. The world's house model is trained from the seed lore and loaded as the server
 * loads it; then {@value #STORIES} stories of {@value #TURNS} turns each are narrated through the
 * real path (context assembler → prompt with its brief → house chat model), and the beats are
 * measured: subject mentions, lore citations, distinct-n, repetition between consecutive beats,
 * words per beat, generation time, and LanguageTool's grammar errors.
 */
public final class ProseBenchmark {

    static final int STORIES = 20;
    static final int TURNS = 10;
    static final String SEED_WORLD = "/seed/lantern-coast.json";
    /** CPU time of the narrating thread: what a beat costs when the machine is shared. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ProseBenchmark() {
    }

    public static void main(String[] args) throws IOException, OrtException {
        OrtEnvironment.getEnvironment().setTelemetry(false);
        JsonNode seed;
        try (InputStream in = ProseBenchmark.class.getResourceAsStream(SEED_WORLD)) {
            seed = new ObjectMapper().readTree(in);
        }
        WorldSettings world = world(seed.get("settings"));
        List<ActiveLore> lore = lore(seed.get("lore"));
        Path store = Files.createTempDirectory("prose-benchmark");
        List<String> corpus = new ArrayList<>(lore.stream().map(l -> l.content().content()).toList());
        corpus.add(world.premise());
        long trainStart = System.nanoTime();
        new HouseModelStore(store).save("seed-lantern-coast",
                new HouseModelTrainer().train(corpus, TrainingSettings.defaults()), new CorpusRange(0, corpus.size()));
        System.out.printf("House model trained from %d seed documents in %.0f ms%n", corpus.size(), (System.nanoTime() - trainStart) / 1e6);

        ContextAssembler assembler = new ContextAssembler(NarrationProperties.defaults().promptSettings());
        List<Beat> beats = new ArrayList<>();
        int window = NarrationProperties.defaults().recentBeats();
        try (HouseModelRuntime runtime = new HouseModelStore(store).load("seed-lantern-coast", 1);
             ProseReview review = new ProseReview()) {
            for (int story = 0; story < STORIES; story++) {
                List<Turn> history = new ArrayList<>();
                for (int turn = 0; turn < TURNS; turn++) {
                    ProseAction action = ProseActions.of(story, turn);
                    String actionId = "s" + story + "-a" + turn;
                    AssembledPrompt prompt = assembler.assemble(
                            new StoryContext(world, lore, null, null, List.of("player-1"), history),
                            new ActionToAnswer(actionId, null, "player-1", action.text()));
                    HouseChatModel narrator = new HouseChatModel(runtime,
                            GenerationSettings.defaults().withSeed((long) story * TURNS + turn));
                    long cpuStart = CPU.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    String text = narrator.call(prompt.prompt()).getResult().getOutput().getText();
                    long nanos = System.nanoTime() - start;
                    long cpuNanos = CPU.getCurrentThreadCpuTime() - cpuStart;
                    history.add(new Turn(actionId, BeatKind.PLAYER_ACTION, "player-1", action.text()));
                    // As the engine judges it: the story's recent window, which already holds the action.
                    List<String> lines = history.subList(Math.max(0, history.size() - window), history.size()).stream()
                            .map(t -> t.kind() == BeatKind.PLAYER_ACTION ? "> " + t.text() : t.text()).toList();
                    CandidateScores scores = review.judge("s" + story, world.contentRating(), lore, lines, action.text(), text);
                    beats.add(new Beat(story, action, text, nanos, cpuNanos, NarrationBrief.carriedBy(prompt.prompt()).orElseThrow(),
                            scores));
                    history.add(new Turn("s" + story + "-n" + turn, BeatKind.NARRATION, null, text));
                }
            }
        }
        report(beats);
        if (args.length > 0) {
            // Every beat, for reading: java … ProseBenchmark <file>
            Files.write(Path.of(args[0]), beats.stream().map(b -> "> " + b.action().text() + "\n" + b.text() + "\n").toList());
        }
    }

    /** @param scores the pipeline's review, detector and guardrail verdict on the beat as a turn's one candidate */
    record Beat(int story, ProseAction action, String text, long nanos, long cpuNanos, NarrationBrief brief,
                CandidateScores scores) {

        /** The lore entries about the world that were active for this beat, those of the scene if any. */
        List<BriefLore> citable() {
            List<BriefLore> tellable = brief.lore().stream().filter(l -> !l.category().equalsIgnoreCase("style")).toList();
            List<BriefLore> triggered = tellable.stream().filter(BriefLore::triggered).toList();
            return triggered.isEmpty() ? tellable : triggered;
        }

        boolean cites() {
            String lower = text.toLowerCase(Locale.ROOT);
            // Named by its title (up to its first comma, without a leading "The") or a proper-name key ("Gilded Eel").
            return citable().stream().anyMatch(l -> lower.contains(l.title().toLowerCase(Locale.ROOT).split(",")[0].strip()
                    .replaceFirst("^the ", "")) || l.triggerKeys().stream()
                    .filter(k -> k.length() > 3 && Character.isUpperCase(k.charAt(0)))
                    .anyMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT))));
        }
    }

    private static void report(List<Beat> beats) throws IOException {
        List<String> texts = beats.stream().map(Beat::text).toList();
        long mentioning = beats.stream().filter(b -> ProseFigures.mentions(b.text(), b.action().subject())).count();
        List<Beat> withLore = beats.stream().filter(b -> !b.citable().isEmpty()).toList();
        long citing = withLore.stream().filter(Beat::cites).count();
        double repeated = 0;
        int pairs = 0;
        for (int i = 1; i < beats.size(); i++) {
            if (beats.get(i).story() == beats.get(i - 1).story()) {
                repeated += ProseFigures.repeatedTrigramShare(beats.get(i - 1).text(), beats.get(i).text());
                pairs++;
            }
        }
        double words = texts.stream().mapToInt(t -> ProseFigures.words(t).size()).average().orElse(0);
        long[] nanos = beats.stream().mapToLong(Beat::nanos).toArray();
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        long[] cpu = beats.stream().skip(1).mapToLong(Beat::cpuNanos).sorted().toArray();

        JLanguageTool checker = new JLanguageTool(Languages.getLanguageForShortCode("en-GB"));
        int flagged = 0;
        List<String> errors = new ArrayList<>();
        for (String text : texts) {
            List<RuleMatch> matches = checker.check(text).stream().filter(ProseBenchmark::grammar).toList();
            flagged += matches.isEmpty() ? 0 : 1;
            matches.forEach(m -> errors.add(m.getRule().getId() + " in: " + text));
        }

        System.out.printf("%nHouse narrator over %d beats (%d stories x %d turns, seeded Lantern Coast)%n", beats.size(), STORIES, TURNS);
        System.out.printf("| figure | value |%n|---|---|%n");
        System.out.printf("| beats mentioning the action's subject | %d / %d (%.1f %%) |%n", mentioning, beats.size(), 100.0 * mentioning / beats.size());
        System.out.printf("| beats citing an active lore entry by name (of beats with world lore active) | %d / %d (%.1f %%) |%n", citing, withLore.size(), 100.0 * citing / Math.max(1, withLore.size()));
        System.out.printf("| distinct-1 / distinct-2 / distinct-3 (all beats) | %.3f / %.3f / %.3f |%n",
                ProseFigures.distinct(texts, 1), ProseFigures.distinct(texts, 2), ProseFigures.distinct(texts, 3));
        System.out.printf("| repeated-trigram rate, consecutive beats of a story (mean of %d pairs) | %.3f |%n", pairs, repeated / Math.max(1, pairs));
        System.out.printf("| mean words per beat | %.1f |%n", words);
        System.out.printf("| generation time, first beat (cold: lexicon load, JIT) | %.1f ms |%n", nanos[0] / 1e6);
        System.out.printf("| generation time per beat after it: mean / p50 / p95 / max | %.2f / %.2f / %.2f / %.2f ms |%n",
                Arrays.stream(warm).average().orElse(0) / 1e6, warm[warm.length / 2] / 1e6,
                warm[(int) (warm.length * 0.95)] / 1e6, warm[warm.length - 1] / 1e6);
        System.out.printf("| CPU time per beat after the first: mean / p50 / p95 / max | %.2f / %.2f / %.2f / %.2f ms |%n",
                Arrays.stream(cpu).average().orElse(0) / 1e6, cpu[cpu.length / 2] / 1e6,
                cpu[(int) (cpu.length * 0.95)] / 1e6, cpu[cpu.length - 1] / 1e6);
        System.out.printf("| mean distinct-1 / -2 / -3 within a story (%d beats each) | %.3f / %.3f / %.3f |%n", TURNS,
                perStory(beats, 1), perStory(beats, 2), perStory(beats, 3));
        System.out.printf("| beats with a LanguageTool grammar, punctuation or casing error | %d / %d |%n", flagged, beats.size());
        ProseFigures.reviewRows(beats.stream().map(Beat::scores).toList()).forEach(System.out::println);
        errors.stream().limit(30).forEach(e -> System.out.println("  " + e));
        System.out.printf("%nSample beats:%n");
        for (int i = 0; i < 5; i++) {
            Beat beat = beats.get(i * 41 % beats.size());
            System.out.printf("%n> %s%n%s%n", beat.action().text(), beat.text());
        }
    }

    private static double perStory(List<Beat> beats, int n) {
        double sum = 0;
        for (int story = 0; story < STORIES; story++) {
            int s = story;
            sum += ProseFigures.distinct(beats.stream().filter(b -> b.story() == s).map(Beat::text).toList(), n);
        }
        return sum / STORIES;
    }

    /** What counts as an error: not spelling (the world's names), not style or redundancy advice. */
    private static boolean grammar(RuleMatch match) {
        String category = match.getRule().getCategory().getId().toString();
        return !category.equals(Categories.TYPOS.getId().toString()) && !category.equals(Categories.STYLE.getId().toString())
                && !category.equals(Categories.REDUNDANCY.getId().toString());
    }

    static WorldSettings world(JsonNode settings) {
        return new WorldSettings(settings.get("name").asText(), settings.get("premise").asText(), settings.get("genre").asText(),
                settings.get("tone").asText(), ContentRating.valueOf(settings.get("contentRating").asText()),
                settings.path("narrativeStyle").asText(null));
    }

    static List<ActiveLore> lore(JsonNode entries) {
        List<ActiveLore> lore = new ArrayList<>();
        for (JsonNode entry : entries) {
            List<String> keys = new ArrayList<>();
            entry.get("triggerKeys").forEach(k -> keys.add(k.asText()));
            lore.add(new ActiveLore(entry.get("id").asText(), new LoreContent(entry.get("title").asText(), keys,
                    entry.get("content").asText(), entry.get("category").asText(), entry.get("priority").asInt(),
                    entry.get("alwaysOn").asBoolean())));
        }
        return lore;
    }
}
