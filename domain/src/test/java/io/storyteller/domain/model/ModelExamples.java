package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * The cast and facts the model specifications share. claude is a paid chat model with version
 * 2025-09; llama is a downloaded chat model with version 3.1; bge is a downloaded embedding model
 * with version 1.5. Mona is the model manager (the meta-manager).
 */
public final class ModelExamples {

    static final String CLAUDE = "claude-sonnet";
    static final String LLAMA = "llama-8b";
    static final String BGE = "bge-small";
    static final String VARIANT = "narrator-noir-llama";

    static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor MANAGER = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));
    static final Actor PLAYER = new Actor("pia", Set.of(PlatformRole.PLAYER));
    static final Actor WORLD_ADMIN = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN));

    private ModelExamples() {
    }

    static ModelSpec paidChat() {
        return new ModelSpec("anthropic", "claude-sonnet-4-5", ModelKind.CHAT, List.of("chat", "long-context"), 200_000,
                new TokenPrice(new BigDecimal("3"), new BigDecimal("15"), "USD"), "proprietary");
    }

    static ModelSpec localChat() {
        return new ModelSpec("huggingface", "meta-llama/Llama-3.1-8B-Instruct", ModelKind.CHAT, List.of("chat"), 128_000,
                TokenPrice.zero(), "llama3.1");
    }

    static ModelSpec localEmbedding() {
        return new ModelSpec("huggingface", "BAAI/bge-small-en-v1.5", ModelKind.EMBEDDING, List.of("embedding"), 512,
                TokenPrice.zero(), "MIT");
    }

    static ModelArtifact artifact() {
        return new ModelArtifact("file:///data/models/llama-8b/model.gguf", "ab".repeat(32), 4_920_000_000L);
    }

    /** claude as the platform discovered it, with version 2025-09; then {@code more}. */
    static List<Object> claude(Object... more) {
        return with(List.of(new ModelRegistered(CLAUDE, paidChat(), ModelSource.PAID_API, "anthropic-catalogue", "system"),
                new ModelVersionAdded(CLAUDE, "2025-09", null, null, null, "system")), more);
    }

    /** llama as ada downloaded it, with version 3.1; then {@code more}. */
    static List<Object> llama(Object... more) {
        return with(List.of(new ModelRegistered(LLAMA, localChat(), ModelSource.DOWNLOADED, null, ADMIN.userId()),
                new ModelVersionAdded(LLAMA, "3.1", artifact(), null, null, ADMIN.userId())), more);
    }

    /** bge as ada downloaded it, with version 1.5. */
    static List<Object> bge() {
        return List.of(new ModelRegistered(BGE, localEmbedding(), ModelSource.DOWNLOADED, null, ADMIN.userId()),
                new ModelVersionAdded(BGE, "1.5", artifact(), null, null, ADMIN.userId()));
    }

    /** claude, llama and bge as described above. */
    public static ModelsOnRecord registry() {
        return new ModelsOnRecord().record(CLAUDE, claude()).record(LLAMA, llama()).record(BGE, bge());
    }

    /** A Model fixture whose derivation reads bases from {@code registry}, as the application wires it. */
    static FixtureConfiguration<Model> fixture(ModelsOnRecord registry) {
        AggregateTestFixture<Model> fixture = new AggregateTestFixture<>(Model.class);
        fixture.registerAnnotatedCommandHandler(new ModelDerivation(registry.repository(), fixture.getRepository()));
        return fixture;
    }

    private static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }
}
