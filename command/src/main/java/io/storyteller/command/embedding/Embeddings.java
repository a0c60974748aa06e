package io.storyteller.command.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.command.runtime.EmbeddingRuntimes;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.OnnxEmbedder;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import io.storyteller.domain.shared.DomainRejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers {@link EmbedTexts} with the model version the world's {@code embedder} slot serves (its
 * stable version; the world's own slot, else the global one), else the bundled house model. A served
 * version runs in-process when it is the bundled model or its artifact is a local ONNX export (a
 * Hugging Face download), else at its provider endpoint. The
 * retrieval indexes, their queries and the review stage's coherence score all ask here, so every
 * vector in the platform comes from one place and names the model version that made it.
 */
public class Embeddings {

    static final int MAX_TEXTS = EmbedTexts.MAX_TEXTS;
    /** Vectors kept: a turn's action and chosen narration are embedded by the turn and again when indexed. */
    static final int VECTORS_KEPT = 4096;

    /**
     * Recent vectors by model version and text. A turn embeds its action for recall and its
     * candidates for coherence; the story index embeds the same action and the chosen narration a
     * moment later. Vectors are deterministic per version, so the second asks are answered here.
     */
    private final Cache<Remembered, float[]> vectors = Caffeine.newBuilder().maximumSize(VECTORS_KEPT).build();
    /** Texts being embedded now, by model version: a second caller waits for the first. */
    private final Map<Remembered, CompletableFuture<float[]>> inFlight = new ConcurrentHashMap<>();

    private final SentenceEmbedder house;
    private final StageSlots slots;
    private final EmbeddingRuntimes runtimes;
    private final LocalOnnxModels local;
    private final KeptVectors kept;

    public Embeddings(SentenceEmbedder house, StageSlots slots, EmbeddingRuntimes runtimes) {
        this(house, slots, runtimes, LocalOnnxModels.none(), KeptVectors.none());
    }

    public Embeddings(SentenceEmbedder house, StageSlots slots, EmbeddingRuntimes runtimes, LocalOnnxModels local) {
        this(house, slots, runtimes, local, KeptVectors.none());
    }

    public Embeddings(SentenceEmbedder house, StageSlots slots, EmbeddingRuntimes runtimes, LocalOnnxModels local,
                      KeptVectors kept) {
        this.house = house;
        this.slots = slots;
        this.runtimes = runtimes;
        this.local = local;
        this.kept = kept;
    }

    /** Every world embedded by the bundled model: an application without deployments. */
    public static Embeddings houseOnly(SentenceEmbedder house) {
        return houseOnly(house, KeptVectors.none());
    }

    /** Every world embedded by the bundled model, its vectors kept in {@code kept}. */
    public static Embeddings houseOnly(SentenceEmbedder house, KeptVectors kept) {
        return new Embeddings(house, null, ref -> {
            throw new ModelUnavailableException("no provider endpoints here to serve " + ref.label());
        }, LocalOnnxModels.none(), kept);
    }

    private static final ModelRef HOUSE = new ModelRef(SentenceEmbedder.MODEL_ID, SentenceEmbedder.VERSION);

    private record Remembered(String embedder, String text) {
    }

    @QueryHandler
    public TextEmbeddings handle(EmbedTexts query) {
        if (query.texts().size() > MAX_TEXTS) {
            throw DomainRejection.invalid("texts", "max-count:" + MAX_TEXTS,
                    "texts may hold at most " + MAX_TEXTS + " entries");
        }
        Optional<ModelRef> served = slots == null ? Optional.empty() : slots.stable(UseCase.EMBEDDER, query.worldId());
        boolean lookUp = query.indexed();
        if (served.isEmpty()) {
            return byHouse(query.texts(), lookUp);
        }
        ModelRef model = served.get();
        if (model.modelId().equals(SentenceEmbedder.MODEL_ID)) {
            if (!model.version().equals(SentenceEmbedder.VERSION)) {
                throw new ModelUnavailableException(model.label() + " is not bundled: the house embedder is version "
                        + SentenceEmbedder.VERSION);
            }
            return byHouse(query.texts(), lookUp);
        }
        Optional<OnnxEmbedder> downloaded = downloaded(model);
        if (downloaded.isPresent()) {
            return byDownloaded(model, downloaded.get(), query.texts(), lookUp);
        }
        return byEndpoint(model, query.texts(), lookUp);
    }

    private Optional<OnnxEmbedder> downloaded(ModelRef model) {
        try {
            return local.embedder(model);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelUnavailableException(model.label() + " cannot embed here: " + e.getMessage());
        }
    }

    /** A version downloaded as an ONNX export, run in-process: its vectors are unit length already. */
    private TextEmbeddings byDownloaded(ModelRef model, OnnxEmbedder embedder, List<String> texts, boolean lookUp) {
        if (texts.isEmpty()) {
            return new TextEmbeddings(model.modelId(), model.version(), 0, List.of());
        }
        List<float[]> vectors = remembered(model, texts, embedder::embed, lookUp);
        return new TextEmbeddings(model.modelId(), model.version(), vectors.getFirst().length, vectors);
    }

    private TextEmbeddings byHouse(List<String> texts, boolean lookUp) {
        return new TextEmbeddings(SentenceEmbedder.MODEL_ID, SentenceEmbedder.VERSION, SentenceEmbedder.DIMENSIONS,
                remembered(HOUSE, texts, house::embed, lookUp));
    }

    private TextEmbeddings byEndpoint(ModelRef model, List<String> texts, boolean lookUp) {
        if (texts.isEmpty()) {
            return new TextEmbeddings(model.modelId(), model.version(), 0, List.of());
        }
        List<float[]> vectors = remembered(model, texts, asked -> {
            List<float[]> answered = runtimes.embeddingModelFor(model).embed(asked);
            if (answered.size() != asked.size()) {
                throw new ModelUnavailableException(model.label() + " answered " + answered.size() + " vectors for "
                        + asked.size() + " texts");
            }
            return answered.stream().map(Embeddings::unit).toList();
        }, lookUp);
        int dimensions = vectors.getFirst().length;
        for (float[] vector : vectors) {
            if (vector.length != dimensions || dimensions == 0) {
                throw new ModelUnavailableException(model.label() + " answered vectors of differing or no dimensions");
            }
        }
        return new TextEmbeddings(model.modelId(), model.version(), dimensions, vectors);
    }

    /**
     * The vectors of {@code texts} by {@code model}: those in memory, then, when {@code lookUp} (the
     * texts of indexed documents), those kept in the vector table (one lookup), and the others
     * embedded in one call and kept in both. A text another
     * caller is embedding right now is awaited, not embedded twice: a turn's recall embeds the action
     * as soon as it is admitted, while the story index embeds the same stored action. Callers get
     * copies, so no one can change a kept vector.
     */
    private List<float[]> remembered(ModelRef model, List<String> texts, Function<List<String>, List<float[]>> embed,
            boolean lookUp) {
        String by = model.label();
        float[][] found = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            found[i] = vectors.getIfPresent(new Remembered(by, texts.get(i)));
            if (found[i] == null && !missing.contains(texts.get(i))) {
                missing.add(texts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, float[]> byText = new HashMap<>();
            Map<String, CompletableFuture<float[]>> mine = new LinkedHashMap<>();
            Map<String, CompletableFuture<float[]>> others = new HashMap<>();
            for (String text : missing) {
                Remembered key = new Remembered(by, text);
                CompletableFuture<float[]> claim = new CompletableFuture<>();
                CompletableFuture<float[]> other = inFlight.putIfAbsent(key, claim);
                if (other != null) {
                    others.put(text, other);
                    continue;
                }
                float[] meanwhile = vectors.getIfPresent(key); // made and released since we looked
                if (meanwhile != null) {
                    byText.put(text, meanwhile);
                    inFlight.remove(key, claim);
                    claim.complete(meanwhile);
                } else {
                    mine.put(text, claim);
                }
            }
            byText.putAll(computedFor(by, mine, embed, lookUp));
            others.forEach((text, other) -> byText.put(text, awaited(by, text, other, embed, lookUp)));
            for (int i = 0; i < texts.size(); i++) {
                if (found[i] == null) {
                    found[i] = byText.get(texts.get(i));
                }
            }
        }
        List<float[]> copies = new ArrayList<>(texts.size());
        for (float[] vector : found) {
            copies.add(vector.clone());
        }
        return copies;
    }

    /** Computes the claimed texts, completes their claims either way and releases them. */
    private Map<String, float[]> computedFor(String by, Map<String, CompletableFuture<float[]>> claimed,
            Function<List<String>, List<float[]>> embed, boolean lookUp) {
        if (claimed.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, float[]> made = computed(by, List.copyOf(claimed.keySet()), embed, lookUp);
            claimed.forEach((text, claim) -> claim.complete(made.get(text)));
            return made;
        } catch (Throwable e) {
            claimed.values().forEach(claim -> claim.completeExceptionally(e));
            throw e;
        } finally {
            claimed.forEach((text, claim) -> inFlight.remove(new Remembered(by, text), claim));
        }
    }

    /** Another caller's vector of the text; if that caller failed, this one tries for itself. */
    private float[] awaited(String by, String text, CompletableFuture<float[]> other,
            Function<List<String>, List<float[]>> embed, boolean lookUp) {
        try {
            return other.join();
        } catch (CompletionException | CancellationException e) {
            return computed(by, List.of(text), embed, lookUp).get(text);
        }
    }

    /**
     * Those of {@code texts} kept in the vector table when {@code lookUp}, and the others embedded in
     * one call and kept. A new text's vector is kept too: the action a turn's recall embeds is a beat
     * the story index holds, and a rebuild of that index looks its vector up.
     */
    private Map<String, float[]> computed(String by, List<String> texts, Function<List<String>, List<float[]>> embed,
            boolean lookUp) {
        Map<String, float[]> byText = lookUp ? new HashMap<>(kept.find(by, texts)) : new HashMap<>();
        byText.forEach((text, vector) -> vectors.put(new Remembered(by, text), vector));
        List<String> unknown = texts.stream().filter(text -> !byText.containsKey(text)).toList();
        if (!unknown.isEmpty()) {
            List<float[]> made = embed.apply(unknown);
            Map<String, float[]> fresh = new HashMap<>();
            for (int i = 0; i < unknown.size(); i++) {
                fresh.put(unknown.get(i), made.get(i));
                vectors.put(new Remembered(by, unknown.get(i)), made.get(i));
            }
            kept.keep(by, fresh);
            byText.putAll(fresh);
        }
        return byText;
    }

    /** Scaled to length 1, as {@link TextEmbeddings#cosine} expects: not every server normalises (Ollama's older models do not). */
    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm == 0) {
            return vector.clone();
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] scaled = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            scaled[i] = vector[i] * scale;
        }
        return scaled;
    }
}
