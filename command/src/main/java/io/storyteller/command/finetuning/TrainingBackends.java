package io.storyteller.command.finetuning;

import io.storyteller.command.training.TrainingBackend;
import io.storyteller.domain.finetuning.TrainingBackendCatalog;
import java.util.List;
import java.util.Optional;

/** The application's training backends by name; the catalog a fine-tuning request is checked against. */
public class TrainingBackends implements TrainingBackendCatalog {

    private final List<TrainingBackend> backends;

    public TrainingBackends(List<TrainingBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    @Override
    public List<String> names() {
        return backends.stream().map(TrainingBackend::name).sorted().toList();
    }

    Optional<TrainingBackend> named(String name) {
        return backends.stream().filter(backend -> backend.name().equals(name)).findFirst();
    }
}
