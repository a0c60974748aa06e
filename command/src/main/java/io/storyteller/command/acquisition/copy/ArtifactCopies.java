package io.storyteller.command.acquisition.copy;

import io.storyteller.command.acquisition.ollama.IndependentCommands;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.registry.RegistryResult;
import io.storyteller.domain.acquisition.CompleteModelCopy;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Copies a version's files under the data directory to {@code <data-dir>/models/copies/<name>/},
 * verifies the copy's digest against its source's, and registers it. Nothing outside the data
 * directory is read: an artifact elsewhere is refused.
 */
public class ArtifactCopies {

    private final Path dataDir;
    private final RegistryCommands registry;

    public ArtifactCopies(Path dataDir, RegistryCommands registry) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.registry = registry;
    }

    ModelRef copy(ModelView model, ModelVersionView version, ModelRef source, String name, String target, Actor actor,
            IndependentCommands commands) {
        Path from = sourcePath(version.artifact());
        Path to = dataDir.resolve("models").resolve("copies").resolve(name);
        if (Files.exists(to)) {
            throw new CopyFailedException("files for a copy named " + name + " exist already under the data directory");
        }
        ModelArtifact artifact;
        try {
            String expected = ArtifactTree.digest(from);
            Path copied = ArtifactTree.copy(from, to);
            String digest = ArtifactTree.digest(copied);
            if (!digest.equals(expected)) {
                throw new CopyFailedException("the copy's digest " + digest + " differs from its source's " + expected);
            }
            artifact = new ModelArtifact(copied.toUri().toString(), digest, Math.max(1, ArtifactTree.size(copied)));
        } catch (IOException | CopyFailedException e) {
            removeQuietly(to);
            throw e instanceof CopyFailedException failed ? failed
                    : new CopyFailedException("the files could not be copied: " + e.getClass().getSimpleName());
        }
        ModelSpec spec = model.spec();
        refuseIfRejected(registry.register(new RegisterModel(target, new ModelSpec(spec.provider(), name, spec.kind(),
                spec.capabilities(), spec.contextWindow(), spec.price(), spec.license()), model.source(), null, actor)));
        refuseIfRejected(registry.addVersion(new AddModelVersion(target, version.version(), artifact, source, null, actor)));
        commands.send(new CompleteModelCopy(target, version.version(), artifact));
        return new ModelRef(target, version.version());
    }

    /** The source's files; refused unless they are a file URI under the data directory. */
    Path sourcePath(ModelArtifact artifact) {
        Path path;
        try {
            path = Path.of(URI.create(artifact.uri())).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw DomainRejection.invalid("source", "file-uri", "the source's artifact " + artifact.uri() + " is no file URI");
        }
        if (!path.startsWith(dataDir)) {
            throw DomainRejection.invalid("source", "under-data-dir", "only files under the data directory are copied");
        }
        if (!Files.exists(path)) {
            throw new CopyFailedException("the source's files are not at " + dataDir.relativize(path));
        }
        return path;
    }

    private static void refuseIfRejected(RegistryResult result) {
        if (result.rejected()) {
            throw new CopyFailedException("the registry refused the copy: " + result.reason());
        }
    }

    private static void removeQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover directory only blocks a retry of the same name, which then says so
        }
    }
}
