package io.storyteller.command.runtime.onnx;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small ONNX graph written by code with the ONNX protobuf classes that ship with Tribuo: what the tests serve. */
final class OnnxGraph {

    static final TensorProto.DataType FLOAT = TensorProto.DataType.FLOAT;
    static final TensorProto.DataType INT64 = TensorProto.DataType.INT64;

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny");

    /** Dimensions: a number is fixed, a string is symbolic (e.g. "sequence"). */
    OnnxGraph input(String name, TensorProto.DataType type, Object... dims) {
        graph.addInput(value(name, type, dims));
        return this;
    }

    OnnxGraph output(String name, TensorProto.DataType type, Object... dims) {
        graph.addOutput(value(name, type, dims));
        return this;
    }

    OnnxGraph floats(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(FLOAT.getNumber())
                .addAllDims(java.util.Arrays.stream(dims).boxed().toList())
                .setRawData(ByteString.copyFrom(bytes.array())));
        return this;
    }

    OnnxGraph longs(String name, long... values) {
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(INT64.getNumber())
                .addDims(values.length).addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()));
        return this;
    }

    OnnxGraph node(String op, String output, String... inputs) {
        return node(op, output, null, inputs);
    }

    OnnxGraph node(String op, String output, AttributeProto attribute, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(output + "_" + op).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        if (attribute != null) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return this;
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto integers(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    void write(Path file) {
        byte[] model = ModelProto.newBuilder().setIrVersion(8).setProducerName("storyteller-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph).build().toByteArray();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValueInfoProto value(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            shape.addDim(dim instanceof Number number
                    ? TensorShapeProto.Dimension.newBuilder().setDimValue(number.longValue())
                    : TensorShapeProto.Dimension.newBuilder().setDimParam(dim.toString()));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }
}
