package io.storyteller.command.housemodel.training;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.storyteller.command.housemodel.serving.HouseModelGraph;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a trained house model as an ONNX graph built by code:
 * {@code probs = Softmax((Gather(B, prev1) + beta * Gather(S, prev2)) / temperature)}, with B the
 * bigram log-probabilities and S the skip-bigram log-ratios of {@link TrainedHouseModel}.
 * Inputs {@code prev1}, {@code prev2} int64[1] and {@code temperature} float[1]; output
 * {@code probs} float[1, V].
 */
final class HouseModelExporter {

    private static final String PREV1 = HouseModelGraph.PREV1;
    private static final String PREV2 = HouseModelGraph.PREV2;
    private static final String TEMPERATURE = HouseModelGraph.TEMPERATURE;
    private static final String PROBS = HouseModelGraph.PROBS;

    /** Opset 17 and IR 8: understood by ONNX Runtime 1.29 and by older tools that inspect models. */
    private static final int OPSET = 17;
    private static final int IR_VERSION = 8;

    /** The serialised ONNX model. */
    public byte[] toOnnx(TrainedHouseModel model) {
        int size = model.vocabulary().size();
        GraphProto graph = GraphProto.newBuilder()
                .setName("house_model")
                .addInput(input(PREV1, TensorProto.DataType.INT64, 1))
                .addInput(input(PREV2, TensorProto.DataType.INT64, 1))
                .addInput(input(TEMPERATURE, TensorProto.DataType.FLOAT, 1))
                .addInitializer(matrix("bigram_log_probs", model.bigramLogProbabilities(), size))
                .addInitializer(scalar("skip_weight", model.skipWeight()))
                .addInitializer(matrix("skip_log_ratios", model.skipLogRatios(), size))
                .addNode(node("Gather", "gather_bigram", "bigram_row", "bigram_log_probs", PREV1))
                .addNode(node("Gather", "gather_skip", "skip_row", "skip_log_ratios", PREV2))
                .addNode(node("Mul", "weigh_skip", "weighted_skip_row", "skip_row", "skip_weight"))
                .addNode(node("Add", "combine", "logits", "bigram_row", "weighted_skip_row"))
                .addNode(node("Div", "apply_temperature", "scaled_logits", "logits", TEMPERATURE))
                .addNode(node("Softmax", "normalise", PROBS, "scaled_logits").toBuilder()
                        .addAttribute(AttributeProto.newBuilder()
                                .setName("axis").setType(AttributeProto.AttributeType.INT).setI(-1)))
                .addOutput(input(PROBS, TensorProto.DataType.FLOAT, 1, size))
                .build();
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("storyteller-house-model")
                .setProducerVersion("1")
                .setDocString("Word-level bigram + skip-bigram narrator trained from a world's own texts")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static ValueInfoProto input(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }

    private static NodeProto node(String op, String name, String output, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
    }

    /** Raw little-endian bytes: far smaller and faster to parse than repeated float fields. */
    private static TensorProto matrix(String name, float[] values, int size) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(size).addDims(size)
                .setRawData(ByteString.copyFrom(bytes.array()))
                .build();
    }

    private static TensorProto scalar(String name, float value) {
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addFloatData(value)
                .build();
    }
}
