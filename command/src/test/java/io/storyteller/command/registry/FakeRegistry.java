package io.storyteller.command.registry;

import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.shared.DomainRejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * A command gateway that decides registry commands as the Model aggregate and the event store do:
 * a second stream for a model id is refused by the store, a version a model has already is a
 * conflict, specs are validated. It records every command it was sent, accepted or not.
 */
public final class FakeRegistry implements CommandGateway {

    public final List<Object> sent = new CopyOnWriteArrayList<>();
    private final Map<String, RegisterModel> models = new LinkedHashMap<>();
    private final Map<String, Set<String>> versions = new LinkedHashMap<>();
    private final Set<String> retired = new LinkedHashSet<>();
    private final List<RuntimeException> failures = new ArrayList<>();

    /** A model already in the registry, with versions. */
    public synchronized void given(RegisterModel model, String... modelVersions) {
        models.put(model.modelId(), model);
        versions.put(model.modelId(), new LinkedHashSet<>(List.of(modelVersions)));
    }

    /** The next command fails with this, before it is decided (e.g. a concurrent write). */
    public synchronized void failNext(RuntimeException failure) {
        failures.add(failure);
    }

    public synchronized void retire(String modelId) {
        retired.add(modelId);
    }

    public <T> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The registry's read model of one provider, as FindModels answers it. */
    public synchronized List<ModelView> views(String provider) {
        List<ModelView> views = new ArrayList<>();
        models.forEach((id, model) -> {
            if (model.spec().provider().equals(provider)) {
                Instant at = Instant.parse("2026-01-01T00:00:00Z");
                List<ModelVersionView> known = versions.get(id).stream()
                        .map(v -> new ModelVersionView(v, null, null, null, List.of(), "system", at)).toList();
                views.add(new ModelView(id, model.spec(), model.source(), model.discoveredBy(),
                        retired.contains(id) ? ModelStatus.RETIRED : ModelStatus.ACTIVE, null, known, "system", null, at, at));
            }
        });
        return views;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <R> CompletableFuture<R> send(Object command) {
        sent.add(command);
        try {
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
            decide(command);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    private void decide(Object command) {
        switch (command) {
            case RegisterModel register -> {
                ModelAuthority.require(register.actor());
                register.spec().validated();
                if (models.containsKey(register.modelId())) {
                    throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + register.modelId()
                            + "] to create aggregate [Model] since identifiers need to be unique.");
                }
                models.put(register.modelId(), register);
                versions.put(register.modelId(), new LinkedHashSet<>());
            }
            case AddModelVersion add -> {
                ModelAuthority.require(add.actor());
                Set<String> known = versions.get(add.modelId());
                if (known == null) {
                    throw DomainRejection.notFound("modelId", "no model " + add.modelId());
                }
                if (retired.contains(add.modelId())) {
                    throw DomainRejection.conflict("modelId", "not-retired", "model " + add.modelId() + " is retired");
                }
                if (!known.add(add.version())) {
                    throw DomainRejection.conflict("version", "unique",
                            "model " + add.modelId() + " already has version " + add.version());
                }
                if (models.get(add.modelId()).source().holdsFiles() && add.artifact() == null) {
                    throw DomainRejection.invalid("artifact", "required", "artifact is required");
                }
                if (add.artifact() != null) {
                    add.artifact().validated("artifact");
                }
            }
            default -> throw new IllegalArgumentException("not a registry command: " + command);
        }
    }

    /** The versions the registry holds of a model, in the order added. */
    public synchronized List<String> versionsOf(String modelId) {
        return List.copyOf(versions.getOrDefault(modelId, Set.of()));
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("registry commands are sent with send(command)");
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return this.<R>send(command).join();
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return () -> true;
    }
}
