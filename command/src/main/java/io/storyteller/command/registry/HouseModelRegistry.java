package io.storyteller.command.registry;

import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.HouseModelTrained;
import io.storyteller.domain.world.HouseModelVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Enters every world's house model in the model registry: {@code house:<worldId>} is registered
 * with its first trained version, and each version trained is added as {@code "1"}, {@code "2"},
 * … (the store's numbers), derived from the one before. Its processor starts at the beginning of
 * the event log, so house models trained before the registry existed are entered on its first
 * run; replays are disallowed, and a redelivered event changes nothing (see
 * {@link RegistryCommands}).
 */
@Component
@ProcessingGroup(HouseModelRegistry.GROUP)
@DisallowReplay
@ConditionalOnProperty(prefix = "storyteller.model-registry", name = "register-house-models", havingValue = "true",
        matchIfMissing = true)
public class HouseModelRegistry {

    public static final String GROUP = "model-registry";
    public static final String PROVIDER = "house";
    public static final String DISCOVERED_BY = "house-model-training";
    /** What a narration prompt is budgeted by default (storyteller.narration.context-tokens). */
    static final int CONTEXT_WINDOW = 2048;

    private static final Logger log = LoggerFactory.getLogger(HouseModelRegistry.class);

    private final RegistryCommands registry;
    private final HouseModelFiles files;
    /** Models this node has registered or found registered: their later versions need no RegisterModel. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @Autowired
    public HouseModelRegistry(RegistryCommands registry, @Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        this(registry, new HouseModelFiles(dataDirectory.resolve("models").resolve("house")));
    }

    HouseModelRegistry(RegistryCommands registry, HouseModelFiles files) {
        this.registry = registry;
        this.files = files;
    }

    public static String modelId(String worldId) {
        return PROVIDER + ":" + worldId;
    }

    @EventHandler
    void on(HouseModelTrained event) {
        String modelId = modelId(event.worldId());
        HouseModelVersion trained = event.version();
        OptionalLong size = files.size(trained.modelKey(), trained.version());
        if (size.isEmpty() || size.getAsLong() < 1) {
            log.warn("House model {} v{} is not in the store on this node; it is not entered in the registry",
                    trained.modelKey(), trained.version());
            return;
        }
        if (!known.contains(modelId)) {
            RegistryResult registered = registry.register(new RegisterModel(modelId, spec(event.worldId()),
                    ModelSource.HOUSE_TRAINED, DISCOVERED_BY, Actor.system()));
            if (registered.rejected()) {
                log.warn("The registry refused house model {}: {}", modelId, registered.reason());
                return;
            }
            known.add(modelId);
        }
        String version = String.valueOf(trained.version());
        ModelRef previous = trained.version() > 1 ? new ModelRef(modelId, String.valueOf(trained.version() - 1)) : null;
        RegistryResult added = registry.addVersion(new AddModelVersion(modelId, version,
                new ModelArtifact(HouseModelFiles.uri(trained.modelKey(), trained.version()), trained.sha256(),
                        size.getAsLong()),
                previous, "events " + trained.corpusFromIndex() + ".." + trained.corpusToIndex(), Actor.system()));
        if (added.rejected()) {
            log.warn("The registry refused version {} of house model {}: {}", version, modelId, added.reason());
        } else if (added.done()) {
            log.info("Registered house model {} version {}", modelId, version);
        }
    }

    static ModelSpec spec(String worldId) {
        return new ModelSpec(PROVIDER, worldId, ModelKind.CHAT, List.of("narration"), CONTEXT_WINDOW, TokenPrice.zero(),
                "project");
    }
}
