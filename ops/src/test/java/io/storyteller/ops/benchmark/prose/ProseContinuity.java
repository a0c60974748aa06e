package io.storyteller.ops.benchmark.prose;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyteller.command.continuity.ContinuityCheck;
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
import io.storyteller.command.narration.pipeline.ContinuityFindings;
import io.storyteller.command.narration.pipeline.EngineContinuityReview;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.Contradiction;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.ops.benchmark.prose.ProseActions.ProseAction;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A runnable benchmark, not a test: the continuity part of {@link ProseBenchmark} alone. The same
 * 200 house-narrator beats (same seed world, model, actions and seeds) are each judged by the
 * pipeline's continuity stage ({@link EngineContinuityReview}) as their turn's one candidate; it
 * prints how many are flagged, by kind, with each flagged sentence. The beats are consistent by
 * construction of the count: every flag is read by hand. With an argument, the beats are also
 * written as continuity cases (the labelled sets' JSON-lines form, label "consistent").
 */
public final class ProseContinuity {

    private ProseContinuity() {
    }

    public static void main(String[] args) throws Exception {
        OrtEnvironment.getEnvironment().setTelemetry(false);
        JsonNode seed;
        try (InputStream in = ProseContinuity.class.getResourceAsStream(ProseBenchmark.SEED_WORLD)) {
            seed = new ObjectMapper().readTree(in);
        }
        WorldSettings world = ProseBenchmark.world(seed.get("settings"));
        List<ActiveLore> lore = ProseBenchmark.lore(seed.get("lore"));
        Path store = Files.createTempDirectory("prose-continuity");
        List<String> corpus = new ArrayList<>(lore.stream().map(l -> l.content().content()).toList());
        corpus.add(world.premise());
        new HouseModelStore(store).save("seed-lantern-coast",
                new HouseModelTrainer().train(corpus, TrainingSettings.defaults()), new CorpusRange(0, corpus.size()));

        ContextAssembler assembler = new ContextAssembler(NarrationProperties.defaults().promptSettings());
        EngineContinuityReview review = new EngineContinuityReview(new ContinuityCheck());
        int window = NarrationProperties.defaults().recentBeats();
        ObjectMapper json = new ObjectMapper();
        List<String> cases = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        int flagged = 0;
        long reviewNanos = 0;
        try (HouseModelRuntime runtime = new HouseModelStore(store).load("seed-lantern-coast", 1)) {
            for (int story = 0; story < ProseBenchmark.STORIES; story++) {
                List<Turn> history = new ArrayList<>();
                for (int turn = 0; turn < ProseBenchmark.TURNS; turn++) {
                    ProseAction action = ProseActions.of(story, turn);
                    String actionId = "s" + story + "-a" + turn;
                    AssembledPrompt prompt = assembler.assemble(
                            new StoryContext(world, lore, null, null, List.of("player-1"), history),
                            new ActionToAnswer(actionId, null, "player-1", action.text()));
                    String text = new HouseChatModel(runtime, GenerationSettings.defaults().withSeed((long) story * ProseBenchmark.TURNS + turn))
                            .call(prompt.prompt()).getResult().getOutput().getText();
                    history.add(new Turn(actionId, BeatKind.PLAYER_ACTION, "player-1", action.text()));
                    List<String> lines = history.subList(Math.max(0, history.size() - window), history.size()).stream()
                            .map(t -> t.kind() == BeatKind.PLAYER_ACTION ? "> " + t.text() : t.text()).toList();
                    long start = System.nanoTime();
                    ContinuityFindings findings = review.check(new TurnGround("seed-lantern-coast", "s" + story,
                            world.contentRating(), lore, lines, action.text(), List.of()), text);
                    reviewNanos += System.nanoTime() - start;
                    if (!findings.contradictions().isEmpty()) {
                        flagged++;
                        System.out.printf("%n[s%d t%d] %s%n", story, turn, text);
                        for (Contradiction c : findings.contradictions()) {
                            byKind.merge(c.kind(), 1, Integer::sum);
                            System.out.printf("  %s: %s <- \"%s\"%n", c.kind(), c.fact(), c.evidence());
                        }
                    }
                    ObjectNode line = json.createObjectNode().put("id", "h" + story + "-" + turn).put("genre", "maritime mystery")
                            .put("kind", "house");
                    lore.forEach(l -> line.withArray("lore").add(l.content().content()));
                    lines.forEach(l -> line.withArray("story").add(l));
                    cases.add(line.put("candidate", text).put("label", "consistent").toString());
                    history.add(new Turn("s" + story + "-n" + turn, BeatKind.NARRATION, null, text));
                }
            }
        }
        int beats = ProseBenchmark.STORIES * ProseBenchmark.TURNS;
        System.out.printf("%nHouse-narrator beats with a contradiction: %d / %d; by kind %s; review mean %.2f ms%n",
                flagged, beats, byKind, reviewNanos / 1e6 / beats);
        if (args.length > 0) {
            Files.write(Path.of(args[0]), cases);
        }
    }
}
