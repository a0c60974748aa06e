package io.storyteller.command.runtime.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiny Hugging Face-style model directories written by the tests themselves: a word-level
 * {@code tokenizer.json}, {@code config.json}, and ONNX graphs built by code ({@link OnnxGraph}).
 * <p>
 * The decoder's next token follows {@link #next} (a cycle: the cat sat on a mat . the …) with logit
 * {@code strength} against 0 for the others; its end-of-sequence logit grows with the sequence
 * length so that it wins once the sequence is {@code stopLength} long. With a cache the length is
 * read from the past key/value tensors, so a cache handled wrongly changes where it stops.
 */
public final class TinyModels {

    public static final List<String> VOCABULARY = List.of("<eos>", "<unk>", "the", "cat", "sat", "on", "a", "mat", ".",
            "User", ":", "Assistant");
    public static final int EOS = 0;
    static final int V = VOCABULARY.size();
    /** The classifier's token vectors (2 dimensions) and its weights to 3 labels. */
    static final float[][] CLASSIFIER_EMBEDDING = new float[V][2];
    static final float[][] CLASSIFIER_WEIGHTS = {{1f, -1f, 0.5f}, {-0.5f, 2f, 0f}};
    static final List<String> LABELS = List.of("calm", "tense", "strange");

    static {
        for (int id = 0; id < V; id++) {
            CLASSIFIER_EMBEDDING[id] = new float[] {(id % 3) - 1f, id * 0.25f};
        }
    }

    private TinyModels() {
    }

    /** The token the decoder's table puts after {@code id}. */
    public static int next(int id) {
        String word = VOCABULARY.get(id);
        return switch (word) {
            case "the" -> 3;
            case "cat" -> 4;
            case "sat" -> 5;
            case "on" -> 6;
            case "a" -> 7;
            case "mat" -> 8;
            default -> 2; // ".", ":", unknown words, the rest → "the"
        };
    }

    /** A decoder directory; with a cache its graph sits under {@code onnx/}, as Optimum exports it. */
    public static Path decoder(Path directory, boolean withCache, float strength, int stopLength) {
        float[] table = new float[V * V];
        for (int id = 0; id < V; id++) {
            table[id * V + next(id)] = strength;
            // Below the next token's logit by 1 until the length term (2 per token) lifts it past at stopLength.
            table[id * V + EOS] = strength - 1 - 2f * (stopLength - 1);
        }
        float[] eosWeight = new float[V];
        eosWeight[EOS] = 2f;
        OnnxGraph graph = new OnnxGraph()
                .input("input_ids", OnnxGraph.INT64, 1, "sequence")
                .input("attention_mask", OnnxGraph.INT64, 1, "total")
                .floats("table", table, V, V)
                .floats("eos_weight", eosWeight, V)
                .longs("axis_1", 1)
                .longs("axes_1_2", 1, 2)
                .node("Gather", "rows", "table", "input_ids");
        if (withCache) {
            float[] ones = new float[V];
            java.util.Arrays.fill(ones, 1f);
            graph.input("past_key_values.0.key", OnnxGraph.FLOAT, 1, 1, "past", 1)
                    .input("past_key_values.0.value", OnnxGraph.FLOAT, 1, 1, "past", 1)
                    .floats("key_embedding", ones, V, 1)
                    .floats("value_embedding", ones, V, 1)
                    .floats("half", new float[] {0.5f}, 1)
                    .longs("axes_1_2_3", 1, 2, 3);
            for (String part : List.of("key", "value")) {
                graph.node("Gather", part + "_new", part + "_embedding", "input_ids")
                        .node("Unsqueeze", part + "_new4", part + "_new", "axis_1")
                        .node("Concat", "present.0." + part, OnnxGraph.integer("axis", 2), "past_key_values.0." + part, part + "_new4")
                        .node("ReduceSum", part + "_count", OnnxGraph.integer("keepdims", 0), "present.0." + part, "axes_1_2_3")
                        .output("present.0." + part, OnnxGraph.FLOAT, 1, 1, "total", 1);
            }
            graph.node("Add", "counts", "key_count", "value_count").node("Mul", "length", "counts", "half");
        } else {
            graph.node("Cast", "mask_float", OnnxGraph.integer("to", OnnxGraph.FLOAT.getNumber()), "attention_mask")
                    .node("ReduceSum", "length", OnnxGraph.integer("keepdims", 0), "mask_float", "axis_1");
        }
        graph.node("Unsqueeze", "length3", "length", "axes_1_2")
                .node("Mul", "eos_bonus", "length3", "eos_weight")
                .node("Add", "logits", "rows", "eos_bonus")
                .output("logits", OnnxGraph.FLOAT, 1, "sequence", V)
                .write(directory.resolve(withCache ? "onnx/model.onnx" : "model.onnx"));
        write(directory.resolve("config.json"), "{\"architectures\":[\"GPT2LMHeadModel\"],\"n_head\":1,\"n_embd\":1,"
                + "\"n_positions\":64,\"bos_token_id\":0,\"eos_token_id\":0}");
        write(directory.resolve("generation_config.json"), "{\"eos_token_id\":[0]}");
        tokenizer(directory);
        return directory;
    }

    /** A classifier: the mean of the tokens' 2-d vectors times a 2×3 weight matrix gives the 3 labels' logits. */
    public static Path classifier(Path directory) {
        float[] embedding = new float[V * 2];
        for (int id = 0; id < V; id++) {
            System.arraycopy(CLASSIFIER_EMBEDDING[id], 0, embedding, id * 2, 2);
        }
        float[] weights = {1f, -1f, 0.5f, -0.5f, 2f, 0f};
        new OnnxGraph()
                .input("input_ids", OnnxGraph.INT64, 1, "sequence")
                .input("attention_mask", OnnxGraph.INT64, 1, "sequence")
                .floats("embedding", embedding, V, 2)
                .floats("weights", weights, 2, 3)
                .node("Gather", "tokens", "embedding", "input_ids")
                .node("ReduceMean", "mean", OnnxGraph.integers("axes", 1), "tokens")
                .node("Squeeze", "pooled", "mean", "axis_1")
                .longs("axis_1", 1)
                .node("MatMul", "logits", "pooled", "weights")
                .output("logits", OnnxGraph.FLOAT, 1, 3)
                .write(directory.resolve("model.onnx"));
        write(directory.resolve("config.json"), "{\"architectures\":[\"BertForSequenceClassification\"],"
                + "\"id2label\":{\"0\":\"calm\",\"1\":\"tense\",\"2\":\"strange\"}}");
        tokenizer(directory);
        return directory;
    }

    /** An embedder whose token vectors are the classifier's: {@code last_hidden_state} is the looked-up rows. */
    public static Path embedder(Path directory) {
        float[] embedding = new float[V * 2];
        for (int id = 0; id < V; id++) {
            System.arraycopy(CLASSIFIER_EMBEDDING[id], 0, embedding, id * 2, 2);
        }
        new OnnxGraph()
                .input("input_ids", OnnxGraph.INT64, 1, "sequence")
                .input("attention_mask", OnnxGraph.INT64, 1, "sequence")
                .input("token_type_ids", OnnxGraph.INT64, 1, "sequence")
                .floats("embedding", embedding, V, 2)
                .node("Gather", "last_hidden_state", "embedding", "input_ids")
                .output("last_hidden_state", OnnxGraph.FLOAT, 1, "sequence", 2)
                .write(directory.resolve("onnx/model.onnx"));
        write(directory.resolve("config.json"), "{\"architectures\":[\"BertModel\"],\"max_position_embeddings\":32}");
        tokenizer(directory);
        return directory;
    }

    /** A word-level tokenizer over {@link #VOCABULARY}, split on whitespace and punctuation. */
    static void tokenizer(Path directory) {
        StringBuilder vocabulary = new StringBuilder();
        for (int id = 0; id < V; id++) {
            vocabulary.append(id == 0 ? "" : ",").append('"').append(VOCABULARY.get(id)).append("\":").append(id);
        }
        write(directory.resolve("tokenizer.json"), """
                {"version":"1.0","truncation":null,"padding":null,
                 "added_tokens":[{"id":0,"content":"<eos>","single_word":false,"lstrip":false,"rstrip":false,
                                  "normalized":false,"special":true}],
                 "normalizer":null,"pre_tokenizer":{"type":"Whitespace"},"post_processor":null,"decoder":null,
                 "model":{"type":"WordLevel","vocab":{%s},"unk_token":"<unk>"}}
                """.formatted(vocabulary));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
