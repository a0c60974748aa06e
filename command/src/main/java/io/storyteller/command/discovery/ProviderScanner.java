package io.storyteller.command.discovery;

import io.storyteller.command.endpoint.ModelPrice;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.registry.RegistryResult;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.ProviderScan;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans one endpoint's catalogue: each listed model the registry lacks is registered as
 * {@code <endpoint>:<providerModelId>} (discovered by {@code discovery:<endpoint>}) with its listed
 * version; a known model whose listed version is new gains that version; retired models are left
 * alone. A catalogue that cannot be read makes a failed scan, never an exception.
 */
final class ProviderScanner {

    private static final Logger log = LoggerFactory.getLogger(ProviderScanner.class);
    private static final int REJECTIONS_TOLD = 3;

    private final RegisteredModels registered;
    private final RegistryCommands registry;
    private final DiscoveryProperties properties;

    ProviderScanner(RegisteredModels registered, RegistryCommands registry, DiscoveryProperties properties) {
        this.registered = registered;
        this.registry = registry;
        this.properties = properties;
    }

    ProviderScan scan(ModelCatalogue catalogue) {
        ProviderConnection connection = catalogue.connection();
        String provider = connection.provider();
        List<ListedModel> listed;
        try {
            listed = catalogue.list();
        } catch (CatalogueUnavailableException e) {
            return failed(provider, e.getMessage());
        } catch (RuntimeException e) {
            return failed(provider, "its catalogue could not be read: " + e.getClass().getSimpleName());
        }
        Map<String, ModelView> known;
        try {
            known = registered.of(provider).stream()
                    .collect(Collectors.toMap(ModelView::modelId, Function.identity(), (first, second) -> first));
        } catch (RuntimeException e) {
            return failed(provider, "the registry could not be read: " + e.getClass().getSimpleName());
        }
        int registeredNow = 0;
        int versionsAdded = 0;
        List<String> rejections = new ArrayList<>();
        for (ListedModel model : listed) {
            String modelId = provider + ":" + model.providerModelId();
            ModelView view = known.get(modelId);
            if (view != null && (view.status() == ModelStatus.RETIRED || hasVersion(view, model.version()))) {
                continue;
            }
            if (view == null) {
                RegistryResult registration = registry.register(new RegisterModel(modelId, spec(connection, model),
                        source(connection), "discovery:" + provider, Actor.system()));
                if (registration.rejected()) {
                    rejections.add(modelId + ": " + registration.reason());
                    continue;
                }
                if (registration.done()) {
                    registeredNow++;
                }
            }
            RegistryResult version = registry.addVersion(new AddModelVersion(modelId, model.version(), null, null, null,
                    Actor.system()));
            if (version.rejected()) {
                rejections.add(modelId + "@" + model.version() + ": " + version.reason());
            } else if (version.done() && view != null) {
                versionsAdded++;
            }
        }
        String summary = rejections.isEmpty() ? null : rejections.size() + " refused by the registry: "
                + String.join("; ", rejections.subList(0, Math.min(REJECTIONS_TOLD, rejections.size())))
                + (rejections.size() > REJECTIONS_TOLD ? "; …" : "");
        log.info("Discovery of {}: {} models listed, {} registered, {} new versions{}", provider, listed.size(),
                registeredNow, versionsAdded, summary == null ? "" : ", " + summary);
        return new ProviderScan(provider, true, listed.size(), registeredNow, versionsAdded, rejections.size(), summary);
    }

    private ModelSpec spec(ProviderConnection connection, ListedModel model) {
        int contextWindow = model.contextWindow() > 0 ? model.contextWindow() : properties.defaultContextWindow();
        String license = model.license() != null ? model.license()
                : source(connection) == ModelSource.PAID_API ? "proprietary" : "unknown";
        return new ModelSpec(connection.provider(), model.providerModelId(), model.kind(), model.capabilities(),
                contextWindow, price(connection, model.providerModelId()), license);
    }

    /**
     * From the endpoint's own price table, else {@code storyteller.discovery.prices.<endpoint>}; models
     * run in house bill nothing whatever the tables say.
     */
    private TokenPrice price(ProviderConnection connection, String providerModelId) {
        if (source(connection).runsInHouse()) {
            return TokenPrice.zero();
        }
        ModelPrice own = connection.prices().get(providerModelId);
        if (own != null) {
            return new TokenPrice(orZero(own.input()), orZero(own.output()), TokenPrice.USD);
        }
        DiscoveryProperties.Price price = properties.prices().getOrDefault(connection.provider(), Map.of())
                .get(providerModelId);
        if (price == null) {
            return TokenPrice.zero();
        }
        return new TokenPrice(orZero(price.input()), orZero(price.output()), TokenPrice.USD);
    }

    static ModelSource source(ProviderConnection connection) {
        return connection.selfHosted() ? ModelSource.SELF_HOSTED : ModelSource.PAID_API;
    }

    private static boolean hasVersion(ModelView view, String version) {
        return view.versions() != null && view.versions().stream().anyMatch(known -> known.version().equals(version));
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static ProviderScan failed(String provider, String reason) {
        log.warn("Discovery of {} failed: {}", provider, reason);
        return new ProviderScan(provider, false, 0, 0, 0, 0, reason);
    }
}
