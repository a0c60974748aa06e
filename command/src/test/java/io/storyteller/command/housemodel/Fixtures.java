package io.storyteller.command.housemodel;

import java.nio.file.Path;

/** The corpus model, trained once per test JVM because every test class reads the same one. */
final class Fixtures {

    static final TrainedHouseModel MODEL = new HouseModelTrainer().train(Corpus.DOCUMENTS, TrainingSettings.defaults());

    private Fixtures() {
    }

    /** Stores the corpus model in a fresh store and opens it. */
    static HouseModelRuntime runtime(Path storeRoot) {
        HouseModelStore store = new HouseModelStore(storeRoot);
        store.save("varn", MODEL, new CorpusRange(0, Corpus.DOCUMENTS.size()));
        return store.load("varn", 1);
    }
}
