package io.storyteller.command.narration;

import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.failure.FailureReason;
import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.Draft;
import io.storyteller.command.narration.pipeline.Judgement;
import io.storyteller.command.narration.pipeline.Selection;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.command.slot.RouteChoice;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.RecordShadowNarration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Mirrored calls to a shadow candidate: the same prompt, run beside the narration that is shown,
 * never streamed to watchers. What it answers is judged like any candidate of the turn (review,
 * detector, guardrail), so that the shadow arm's gates read real verdicts; the answer and its
 * verdicts, or why it failed, become a {@link RecordShadowNarration} for the rollout's analysis.
 */
final class ShadowNarrations {

    private static final Logger log = LoggerFactory.getLogger(ShadowNarrations.class);
    /** Beyond the narrator's own timeout, which already bounds the call, before the shadow is given up. */
    private static final long GRACE_MILLIS = 2_000;

    private final Narrator narrator;
    private final ModelRuntimes runtimes;
    private final CandidateJudge judge;

    ShadowNarrations(Narrator narrator, ModelRuntimes runtimes, CandidateJudge judge) {
        this.narrator = narrator;
        this.runtimes = runtimes;
        this.judge = judge;
    }

    /** Starts the mirrored call on a worker thread; its answer is judged against the turn's ground. */
    CompletableFuture<RecordShadowNarration> start(NarrationRequest request, AssembledPrompt prompt, RouteChoice choice,
            TurnGround ground, double detectorThreshold) {
        return Mono.fromCallable(() -> mirror(request, prompt, choice.shadow(), choice.shadowRoute(), ground,
                        detectorThreshold))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
    }

    /** The mirrored call's record, or empty when it did not finish in time or the wait was interrupted. */
    Optional<RecordShadowNarration> await(CompletableFuture<RecordShadowNarration> shadow) {
        try {
            return Optional.of(shadow.get(narrator.timeout().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shadow.cancel(true);
            return Optional.empty();
        } catch (TimeoutException | ExecutionException e) {
            shadow.cancel(true);
            log.warn("Shadow narration given up: {}", e.toString());
            return Optional.empty();
        }
    }

    private RecordShadowNarration mirror(NarrationRequest request, AssembledPrompt prompt, ModelRef candidate,
            NarrationRoute route, TurnGround ground, double detectorThreshold) {
        long started = System.nanoTime();
        try {
            GeneratedNarration generated = narrator.narrate(runtimes.chatModelFor(candidate), prompt.prompt(), chunk -> { });
            String text = NarrationRecords.textOf(generated);
            NarrationProvenance provenance = NarrationRecords.routedProvenance(generated, candidate, prompt, text, route);
            return new RecordShadowNarration(request.storyId(), request.requestId(), text, null,
                    judged(provenance, generated, text, ground, detectorThreshold));
        } catch (RuntimeException e) {
            if (FailureReason.isInterruption(e)) {
                throw e;
            }
            String reason = FailureReason.of(e, narrator.timeout());
            log.info("Shadow narration {} of story {} by {} failed: {}", request.requestId(), request.storyId(),
                    candidate.label(), reason);
            long latencyMillis = (System.nanoTime() - started) / 1_000_000;
            NarrationProvenance provenance = new NarrationProvenance(candidate.modelId(), candidate.version(),
                    prompt.digest(), prompt.loreEntryIds(), latencyMillis, prompt.estimatedTokens(), 0)
                    .routed(route.deploymentId(), route.arm(), route.rolloutId(), route.rolloutStep());
            return new RecordShadowNarration(request.storyId(), request.requestId(), null, reason, provenance);
        }
    }

    /**
     * The provenance with the answer's verdicts as its one candidate report. A judge that fails
     * (a stage's model unreachable) leaves the answer unjudged rather than lost: it is still evidence.
     */
    private NarrationProvenance judged(NarrationProvenance provenance, GeneratedNarration generated, String text,
            TurnGround ground, double detectorThreshold) {
        Judgement judgement;
        try {
            judgement = judge.judge(ground, List.of(new Draft(0, 1, text))).getFirst();
        } catch (RuntimeException e) {
            if (FailureReason.isInterruption(e)) {
                throw e;
            }
            log.warn("Shadow narration by {} not judged: {}", provenance.model(), e.toString());
            return provenance;
        }
        CandidateReport report = new CandidateReport(0, 1, provenance.deploymentId(), provenance.arm(),
                provenance.rolloutId(), provenance.rolloutStep(), provenance.model(), provenance.modelVersion(), text, null,
                provenance.latencyMillis(), provenance.promptTokens(), provenance.completionTokens(), judgement.scores(),
                Selection.mirrored(judgement, detectorThreshold), judgement.stages());
        return provenance.judged(List.of(report), null, List.of());
    }
}
