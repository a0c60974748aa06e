package io.storyteller.command.training.openai;

import io.storyteller.command.endpoint.EndpointOptions;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.endpoint.ProviderKind;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Endpoints and jobs for the fine-tuning backend's specifications. */
final class FineTuningJobs {

    static final String KEY = "sk-secret-test-key-123";

    private FineTuningJobs() {
    }

    static ProviderEndpoints endpoint(String name, String baseUrl, ProviderKind kind) {
        return ProviderEndpoints.of(Map.of(), List.of(new ProviderEndpoint(name, kind, baseUrl, KEY, null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), false, EndpointOptions.none(), Map.of(), false)));
    }

    static OpenAiFineTuningProperties fastPolling() {
        return new OpenAiFineTuningProperties(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(20));
    }

    /** A narrator job on {@code provider:gpt-4o-mini} with an SFT export of a train and a holdout file. */
    static TrainingJob narratorJob(Path directory, String provider, Map<String, String> hyperParameters) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("sft-train.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
        Files.writeString(directory.resolve("sft-holdout.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"ho\"}]}\n");
        ModelSpec spec = new ModelSpec(provider, "gpt-4o-mini", ModelKind.CHAT, List.of("chat"), 128_000,
                TokenPrice.zero(), "proprietary");
        ModelView base = new ModelView(provider + ":gpt-4o-mini", spec, ModelSource.PAID_API, null, ModelStatus.ACTIVE,
                null, List.of(), "admin", null, Instant.EPOCH, Instant.EPOCH);
        return new TrainingJob("ft-1", new ModelRef(provider + ":gpt-4o-mini", "1"), base, UseCase.NARRATOR, directory,
                List.of(new CorpusFile(CorpusDataset.SFT, "train", "sft-train.jsonl", 1, "a"),
                        new CorpusFile(CorpusDataset.SFT, "holdout", "sft-holdout.jsonl", 1, "b")),
                hyperParameters, directory.resolve("out"));
    }
}
