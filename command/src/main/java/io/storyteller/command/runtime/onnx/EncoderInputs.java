package io.storyteller.command.runtime.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs an encoder graph (BERT, RoBERTa, MiniLM …) on one tokenised text: {@code input_ids} and
 * {@code attention_mask}, and {@code token_type_ids} only where the graph declares it (RoBERTa
 * exports do not). One text per run, so no padding can shift what the text alone would give.
 */
final class EncoderInputs {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";

    private EncoderInputs() {
    }

    static void requireInputs(OrtSession session, String name) throws OrtException {
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS)) {
            throw new IllegalArgumentException(name + " has no input_ids input (it declares " + inputs + ")");
        }
    }

    /** The session's result for the text; close it. */
    static OrtSession.Result run(OrtEnvironment environment, OrtSession session, Encoding encoding) throws OrtException {
        long[] shape = {1, encoding.getIds().length};
        Set<String> declared = session.getInputNames();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape));
            if (declared.contains(ATTENTION_MASK)) {
                inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(environment,
                        LongBuffer.wrap(encoding.getAttentionMask()), shape));
            }
            if (declared.contains(TOKEN_TYPE_IDS)) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape));
            }
            return session.run(inputs);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
