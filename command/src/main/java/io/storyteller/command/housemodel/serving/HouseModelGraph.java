package io.storyteller.command.housemodel.serving;

/**
 * The names of the exported ONNX graph's inputs and output: the contract between the exporter that
 * writes the graph and the runtime that runs it. Inputs {@code prev1}, {@code prev2} int64[1] and
 * {@code temperature} float[1]; output {@code probs} float[1, V].
 */
public final class HouseModelGraph {

    public static final String PREV1 = "prev1";
    public static final String PREV2 = "prev2";
    public static final String TEMPERATURE = "temperature";
    public static final String PROBS = "probs";

    private HouseModelGraph() {
    }
}
