package io.storyteller.command.narration.pipeline;

/** A house model's name as its runtime gives it, {@code <modelId>:v<N>}, split for provenance. */
record ModelName(String modelId, String version) {

    static ModelName of(String name) {
        int at = name.lastIndexOf(":v");
        return at < 0 ? new ModelName(name, null) : new ModelName(name.substring(0, at), name.substring(at + 2));
    }
}
