package io.storyteller.command.narration;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.RecordNarrationFailure;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.stereotype.Component;

/**
 * Answers every player action and retry request with a narration, recorded as a command.
 * <p>
 * The model call runs inside the handler, so the event counts as handled only once its outcome is
 * recorded: if the app dies mid-generation, the event is handled again after the restart. A
 * redelivered event whose narration was already recorded meets a request that is no longer
 * pending; that rejection is expected and ignored. Replays would re-narrate old stories: disallowed.
 */
@Component
@ProcessingGroup("narration")
@DisallowReplay
public class NarrationEngine {

    private static final Logger log = LoggerFactory.getLogger(NarrationEngine.class);

    /** The Story aggregate's limit on a narration beat. */
    static final int MAX_NARRATION_LENGTH = 8000;

    private final StoryContextSource contexts;
    private final ContextAssembler assembler;
    private final NarratorModels narrators;
    private final Narrator narrator;
    private final NarrationProgress progress;
    private final CommandGateway commands;
    private final ReadModelCatchUp readModels;

    public NarrationEngine(StoryContextSource contexts, ContextAssembler assembler, NarratorModels narrators,
            Narrator narrator, NarrationProgress progress, CommandGateway commands, ReadModelCatchUp readModels) {
        this.readModels = readModels;
        this.contexts = contexts;
        this.assembler = assembler;
        this.narrators = narrators;
        this.narrator = narrator;
        this.progress = progress;
        this.commands = commands;
    }

    @EventHandler
    void on(PlayerActionSubmitted event) {
        narrate(NarrationRequest.of(event));
    }

    @EventHandler
    void on(NarrationRetryRequested event) {
        narrate(NarrationRequest.of(event));
    }

    private void narrate(NarrationRequest request) {
        StoryContext context;
        readModels.awaitCurrentEvent();
        try {
            context = contexts.fetch(request);
        } catch (NarratorFailure failure) {
            record(fail(request, failure, ""));
            return;
        }
        record(generate(request, assembler.assemble(context, request)));
    }

    /** The command recording the outcome: a narration, or a failure with a reason safe to show. */
    private Object generate(NarrationRequest request, AssembledPrompt prompt) {
        String configuredModel = "";
        try {
            ChatModel model = narrators.narratorFor(request.worldId());
            configuredModel = ModelNames.configured(model, "");
            GeneratedNarration generated = narrator.narrate(model, prompt.prompt(),
                    chunk -> progress.chunk(request.storyId(), request.requestId(), chunk));
            String text = generated.text().strip();
            if (text.isEmpty()) {
                throw new NarratorFailure("narrator returned no text");
            }
            if (text.length() > MAX_NARRATION_LENGTH) {
                text = text.substring(0, MAX_NARRATION_LENGTH);
            }
            return new RecordNarration(request.storyId(), request.requestId(), narrationBeatId(request), text,
                    provenance(generated, configuredModel, prompt, text));
        } catch (RuntimeException e) {
            if (FailureReason.isInterruption(e)) {
                throw e; // shutting down: leave the event unhandled so that it is narrated after the restart
            }
            return fail(request, e, configuredModel);
        }
    }

    private RecordNarrationFailure fail(NarrationRequest request, RuntimeException failure, String model) {
        String reason = FailureReason.of(failure, narrator.timeout());
        log.warn("Narration {} of story {} failed: {}", request.requestId(), request.storyId(), reason);
        log.debug("Narration failure detail", failure);
        return new RecordNarrationFailure(request.storyId(), request.requestId(), reason, model);
    }

    private static NarrationProvenance provenance(GeneratedNarration generated, String configuredModel,
            AssembledPrompt prompt, String text) {
        String model = generated.model() != null ? generated.model()
                : configuredModel.isBlank() ? "unnamed" : configuredModel;
        int promptTokens = generated.promptTokens() != null ? generated.promptTokens() : prompt.estimatedTokens();
        int completionTokens = generated.completionTokens() != null
                ? generated.completionTokens() : TokenEstimate.of(text);
        return new NarrationProvenance(model, ModelNames.version(model), prompt.digest(), prompt.loreEntryIds(),
                generated.latencyMillis(), promptTokens, completionTokens);
    }

    /** A retry adds to the retried beat; otherwise a new beat, named by the request so that redelivery names it alike. */
    private static String narrationBeatId(NarrationRequest request) {
        if (request.retriedBeatId() != null) {
            return request.retriedBeatId();
        }
        String seed = "narration:" + request.storyId() + ":" + request.requestId();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void record(Object command) {
        try {
            commands.sendAndWait(command, narrator.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (CommandExecutionException e) {
            if (!noLongerPending(e)) {
                throw e;
            }
            log.debug("Narration outcome for a request that is no longer pending ignored: {}", e.getMessage());
        }
    }

    private static boolean noLongerPending(CommandExecutionException e) {
        Violation violation = e instanceof DomainRejection rejection ? rejection.violation()
                : e.getDetails().orElse(null) instanceof Violation details ? details : null;
        return violation != null && violation.kind() == RejectionKind.CONFLICT && "pending".equals(violation.rule());
    }
}
