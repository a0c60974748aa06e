package io.storyteller.command.housemodel.classifier;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One loaded house classifier: an ONNX Runtime session over the exported model plus its layout.
 * Thread-safe; close it to free the native session.
 */
public final class ClassifierRuntime implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final ClassifierLayout layout;
    private final NgramFeatures features;
    private final int[] columnOfBucket;
    private final String modelName;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    public ClassifierRuntime(byte[] onnxModel, ClassifierLayout layout, String modelName) {
        this.environment = OrtEnvironment.getEnvironment();
        try {
            environment.setTelemetry(false);
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // One small MatMul per text: a thread pool would only cost contention on 2 cores.
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                this.session = environment.createSession(onnxModel, options);
            }
            this.inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot open classifier " + modelName, e);
        }
        this.layout = layout;
        this.features = new NgramFeatures(layout.features());
        this.columnOfBucket = layout.columnOfBucket();
        this.modelName = modelName;
    }

    /** Straight from training, without the store: for cross-validation and tests. */
    public static ClassifierRuntime of(TrainedClassifier trained, String modelName) {
        return new ClassifierRuntime(trained.toOnnx(), trained.layout(), modelName);
    }

    public String modelName() {
        return modelName;
    }

    public ClassifierLayout layout() {
        return layout;
    }

    /** Scores in {@link ClassifierLayout#labels()} order, each in [0, 1]. */
    public float[] scores(String text, List<String> tags) {
        return scores(List.of(new ClassifierInput(text, tags)))[0];
    }

    /** One row of scores per input, in one ONNX Runtime call. */
    public float[][] scores(List<ClassifierInput> inputs) {
        if (inputs.isEmpty()) {
            return new float[0][];
        }
        int width = layout.width();
        float[] dense = new float[inputs.size() * width];
        for (int row = 0; row < inputs.size(); row++) {
            ClassifierInput input = inputs.get(row);
            for (Map.Entry<Integer, Double> feature : features.features(input.text(), input.tags()).entrySet()) {
                int column = columnOfBucket[feature.getKey()];
                if (column >= 0) {
                    dense[row * width + column] = feature.getValue().floatValue();
                }
            }
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(modelName + " is closed");
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(dense),
                    new long[] {inputs.size(), width});
                 OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                return (float[][]) result.get(0).getValue();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed in classifier " + modelName, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The score of one label from a row of {@link #scores}; 0 for a label the model never saw positive. */
    public float score(float[] row, String label) {
        int index = layout.labelIndex(label);
        return index < 0 ? 0f : row[index];
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close classifier " + modelName, e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
