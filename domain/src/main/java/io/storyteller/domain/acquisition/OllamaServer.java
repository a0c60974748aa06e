package io.storyteller.domain.acquisition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * What the platform did to the models of one Ollama endpoint: pulls begun, finished or failed, and
 * deletions. It decides that one model is pulled once at a time, and that a pull ends once. The
 * HTTP work is done outside (no I/O in an aggregate); this records and decides. A pull whose end was
 * never recorded within {@link #ABANDONED_AFTER} (the application stopped during it) is recorded as
 * failed when the model is asked for again, so that a restart never blocks a model for good.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class OllamaServer {

    static final String ID_PREFIX = "ollama-server/";
    private static final Pattern ENDPOINT = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_REASON = 1000;
    /** Longer than any pull should take: a pull with no end recorded by then was cut off. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    @AggregateIdentifier
    private String serverId;
    /** Running pulls: pull id → model. */
    private final Map<String, String> running = new HashMap<>();
    /** When each running pull was asked for. */
    private final Map<String, Instant> since = new HashMap<>();

    protected OllamaServer() {
    }

    /** {@code ollama-server/<endpoint>}: apart from model ids ({@code <endpoint>:<model>}) in the one event store. */
    public static String idOf(String endpoint) {
        return ID_PREFIX + (endpoint == null ? "" : endpoint.strip());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestOllamaPull command) {
        Actor actor = ModelAuthority.require(command.actor());
        String endpoint = endpoint(command.endpoint());
        String pullId = Require.id("pullId", command.pullId());
        String model = OllamaModelName.require("model", command.model());
        if (running.containsKey(pullId)) {
            throw DomainRejection.conflict("pullId", "unique", "pull " + pullId + " is under way already");
        }
        Instant now = GenericEventMessage.clock.instant();
        for (Map.Entry<String, String> pull : Map.copyOf(running).entrySet()) {
            if (pull.getValue().equals(model) && since.get(pull.getKey()).plus(ABANDONED_AFTER).isBefore(now)) {
                apply(new OllamaPullFailed(endpoint, pull.getKey(), model, "abandoned: no end was recorded within "
                        + ABANDONED_AFTER.toHours() + " h (the application stopped during the pull)"));
            }
        }
        if (running.containsValue(model)) {
            throw DomainRejection.conflict("model", "no-pull-in-progress", model + " is being pulled onto " + endpoint + " already");
        }
        apply(new OllamaPullRequested(endpoint, pullId, model, actor.userId()));
    }

    @CommandHandler
    public void handle(CompleteOllamaPull command) {
        String pullId = requireRunning(command.pullId());
        String digest = Require.text("digest", command.digest(), 100);
        if (command.sizeBytes() < 1) {
            throw DomainRejection.invalid("sizeBytes", "positive", "sizeBytes must be at least 1");
        }
        ModelRef registered = Require.present("registered", command.registered()).validated("registered");
        apply(new OllamaPullCompleted(endpoint(command.endpoint()), pullId, running.get(pullId), digest,
                command.sizeBytes(), registered));
    }

    @CommandHandler
    public void handle(FailOllamaPull command) {
        String pullId = requireRunning(command.pullId());
        apply(new OllamaPullFailed(endpoint(command.endpoint()), pullId, running.get(pullId),
                Require.text("reason", command.reason(), MAX_REASON)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordOllamaDeletion command) {
        Actor actor = ModelAuthority.require(command.actor());
        String endpoint = endpoint(command.endpoint());
        String model = OllamaModelName.require("model", command.model());
        if (running.containsValue(model)) {
            throw DomainRejection.conflict("model", "no-pull-in-progress", model + " is being pulled onto " + endpoint);
        }
        apply(new OllamaModelDeleted(endpoint, model, actor.userId()));
    }

    private String requireRunning(String pullId) {
        String id = Require.id("pullId", pullId);
        if (!running.containsKey(id)) {
            throw DomainRejection.conflict("pullId", "running", "pull " + id + " is not under way on this endpoint");
        }
        return id;
    }

    private static String endpoint(String endpoint) {
        String name = Require.text("endpoint", endpoint, 40);
        if (!ENDPOINT.matcher(name).matches()) {
            throw DomainRejection.invalid("endpoint", "endpoint-name", "endpoint is lower-case letters, digits and '-'");
        }
        return name;
    }

    @EventSourcingHandler
    void on(OllamaPullRequested event, @Timestamp Instant at) {
        serverId = idOf(event.endpoint());
        running.put(event.pullId(), event.model());
        since.put(event.pullId(), at);
    }

    @EventSourcingHandler
    void on(OllamaPullCompleted event) {
        running.remove(event.pullId());
        since.remove(event.pullId());
    }

    @EventSourcingHandler
    void on(OllamaPullFailed event) {
        running.remove(event.pullId());
        since.remove(event.pullId());
    }

    @EventSourcingHandler
    void on(OllamaModelDeleted event) {
        serverId = idOf(event.endpoint());
    }
}
