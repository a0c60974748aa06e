package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import java.nio.file.Path;

/** The corpus model, trained once per test JVM because every test class reads the same one. */
public final class Fixtures {

    public static final TrainedHouseModel MODEL = new HouseModelTrainer().train(Corpus.DOCUMENTS, TrainingSettings.defaults());

    private Fixtures() {
    }

    /** Stores the corpus model in a fresh store and opens it. */
    public static HouseModelRuntime runtime(Path storeRoot) {
        HouseModelStore store = new HouseModelStore(storeRoot);
        store.save("varn", MODEL, new CorpusRange(0, Corpus.DOCUMENTS.size()));
        return store.load("varn", 1);
    }
}
