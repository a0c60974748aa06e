package io.storyteller.domain.acquisition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * What the platform did to the models of one Ollama endpoint: pulls begun, finished or failed, and
 * deletions. It decides that one model is pulled once at a time, and that a pull ends once. The
 * HTTP work is done outside (no I/O in an aggregate); this records and decides.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class OllamaServer {

    static final String ID_PREFIX = "ollama-server/";
    private static final Pattern ENDPOINT = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_REASON = 1000;

    @AggregateIdentifier
    private String serverId;
    /** Running pulls: pull id → model. */
    private final Map<String, String> running = new HashMap<>();

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
    void on(OllamaPullRequested event) {
        serverId = idOf(event.endpoint());
        running.put(event.pullId(), event.model());
    }

    @EventSourcingHandler
    void on(OllamaPullCompleted event) {
        running.remove(event.pullId());
    }

    @EventSourcingHandler
    void on(OllamaPullFailed event) {
        running.remove(event.pullId());
    }

    @EventSourcingHandler
    void on(OllamaModelDeleted event) {
        serverId = idOf(event.endpoint());
    }
}
