package io.storyteller.command.runtime.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.storyteller.command.housemodel.text.OfflineTokenizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a model directory's files the way every in-process runtime here does: ONNX Runtime with its
 * telemetry off, one thread per call (calls run side by side on few cores), and the repository's own
 * {@code tokenizer.json} read from disk by the HuggingFace tokenizers library, never fetched.
 */
final class OnnxSessions {

    private OnnxSessions() {
    }

    static OrtEnvironment environment() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try {
            environment.setTelemetry(false);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot turn ONNX Runtime's telemetry off", e);
        }
        return environment;
    }

    static OrtSession open(OrtEnvironment environment, Path model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return environment.createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param maxTokens texts are cut to this many tokens (the model's context); 0 for no cut
     */
    static HuggingFaceTokenizer tokenizer(Path file, int maxTokens) {
        OfflineTokenizers.configure();
        try {
            return HuggingFaceTokenizer.newInstance(file, Map.of(
                    "addSpecialTokens", "true",
                    "truncation", String.valueOf(maxTokens > 0),
                    "maxLength", String.valueOf(maxTokens > 0 ? maxTokens : 512),
                    "padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The declared shape of a graph input or output; symbolic dimensions are -1. */
    static long[] shape(NodeInfo info) {
        if (info.getInfo() instanceof TensorInfo tensor) {
            return tensor.getShape();
        }
        throw new IllegalArgumentException(info.getName() + " is not a tensor");
    }

    static void close(OrtSession session, HuggingFaceTokenizer tokenizer, String name) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close " + name, e);
        } finally {
            tokenizer.close();
        }
    }
}
