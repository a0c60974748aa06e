package io.storyteller.domain.acquisition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One named copy ({@code <provider>:<name>}): begun, then made or failed. A name is copied to once;
 * a failed copy may be tried again, a running one not twice. The copying itself is done outside.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class ModelCopy {

    static final String ID_PREFIX = "model-copy/";
    private static final int MAX_REASON = 1000;

    private enum State { RUNNING, MADE, FAILED }

    @AggregateIdentifier
    private String copyId;
    private String copyModelId;
    private ModelRef source;
    private ModelCopyMethod method;
    private State state;

    protected ModelCopy() {
    }

    /** {@code model-copy/<copyModelId>}: apart from the copy's own Model stream. */
    public static String idOf(String copyModelId) {
        return ID_PREFIX + (copyModelId == null ? "" : copyModelId.strip());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartModelCopy command) {
        Actor actor = ModelAuthority.require(command.actor());
        String name = ModelCopyName.require("name", command.name());
        ModelRef from = Require.present("source", command.source()).validated("source");
        String target = Require.id("copyModelId", command.copyModelId());
        if (!target.endsWith(":" + name)) {
            throw DomainRejection.invalid("copyModelId", "provider-and-name", "a copy's id is <provider>:<name>");
        }
        if (target.equals(from.modelId())) {
            throw DomainRejection.invalid("name", "not-the-source", "a copy needs a name other than its source's");
        }
        if (state == State.MADE) {
            throw DomainRejection.conflict("name", "unique", target + " has been copied already");
        }
        if (state == State.RUNNING) {
            throw DomainRejection.conflict("name", "no-copy-in-progress", target + " is being copied");
        }
        apply(new ModelCopyStarted(target, from, name, Require.present("method", command.method()), actor.userId()));
    }

    @CommandHandler
    public void handle(CompleteModelCopy command) {
        requireRunning();
        String version = Require.text("version", command.version(), 64);
        ModelArtifact artifact = command.artifact() == null ? null : command.artifact().validated("artifact");
        if (method == ModelCopyMethod.ARTIFACT_DIRECTORY && artifact == null) {
            throw DomainRejection.invalid("artifact", "required", "copied files are recorded with their artifact");
        }
        apply(new ModelCopied(new ModelRef(copyModelId, version), source, method, artifact));
    }

    @CommandHandler
    public void handle(FailModelCopy command) {
        requireRunning();
        apply(new ModelCopyFailed(copyModelId, source, Require.text("reason", command.reason(), MAX_REASON)));
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw DomainRejection.conflict("copyModelId", "running", copyModelId + " is not being copied");
        }
    }

    @EventSourcingHandler
    void on(ModelCopyStarted event) {
        copyId = idOf(event.copyModelId());
        copyModelId = event.copyModelId();
        source = event.source();
        method = event.method();
        state = State.RUNNING;
    }

    @EventSourcingHandler
    void on(ModelCopied event) {
        state = State.MADE;
    }

    @EventSourcingHandler
    void on(ModelCopyFailed event) {
        state = State.FAILED;
    }
}
