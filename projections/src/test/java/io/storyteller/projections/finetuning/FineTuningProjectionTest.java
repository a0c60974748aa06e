package io.storyteller.projections.finetuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.finetuning.FindFineTuning;
import io.storyteller.domain.finetuning.FineTuningCancelled;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningDatasetExported;
import io.storyteller.domain.finetuning.FineTuningEntry;
import io.storyteller.domain.finetuning.FineTuningFailed;
import io.storyteller.domain.finetuning.FineTuningFailure;
import io.storyteller.domain.finetuning.FineTuningRejected;
import io.storyteller.domain.finetuning.FineTuningRequested;
import io.storyteller.domain.finetuning.FineTuningRolloutStarted;
import io.storyteller.domain.finetuning.FineTuningSetback;
import io.storyteller.domain.finetuning.FineTuningStatus;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.FineTuningTrainingCompleted;
import io.storyteller.domain.finetuning.FineTuningTrainingStarted;
import io.storyteller.domain.finetuning.FineTuningValidated;
import io.storyteller.domain.finetuning.FineTuningValidationRequested;
import io.storyteller.domain.finetuning.FineTuningView;
import io.storyteller.domain.finetuning.PromotionDecision;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.projections.schema.FineTuningRows;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FineTuningProjectionTest {

    static final ModelRef BASE = new ModelRef("house:detector", "1");
    static final ModelRef CANDIDATE = new ModelRef("house:detector", "2");
    static final ModelRef INCUMBENT = new ModelRef("house:detector", "1");
    static final CorpusSelection SELECTION = new CorpusSelection(null, 900L, null, null, List.of("w-1"), List.of(), List.of(), 0.2, 7);
    static final FineTuningDataset DATASET = new FineTuningDataset("export-1", "corpora/export-1", "d".repeat(64),
            Map.of("detector.train.jsonl", 800L, "detector.holdout.jsonl", 200L));

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    SimpleQueryUpdateEmitter emitter;
    FineTuningProjection projection;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new FineTuningProjection(db.jdbc(), emitter);
    }

    @Test
    void aRequestIsListedAtItsExportStepWithWhatWasAskedFor() {
        log.fineTuning("ft-1", requested("ft-1"));
        log.deliver(projection);

        FineTuningView view = read("ft-1");
        assertThat(view.status()).isEqualTo(FineTuningStatus.REQUESTED);
        assertThat(view.step()).isEqualTo(FineTuningStep.EXPORT);
        assertThat(view.base()).isEqualTo(BASE);
        assertThat(view.useCase()).isEqualTo(UseCase.DETECTOR);
        assertThat(view.backend()).isEqualTo("house");
        assertThat(view.selection()).isEqualTo(SELECTION.validated());
        assertThat(view.hyperParameters()).containsEntry("epochs", "3");
        assertThat(view.margin()).isEqualTo(0.1);
        assertThat(view.dataset()).isNull();
        assertThat(view.validation()).isNull();
        assertThat(view.history()).extracting(FineTuningEntry::event).containsExactly("Requested");
        assertThat(view.requestedBy()).isEqualTo("root");
        assertThat(view.requestedAt()).isEqualTo(EventLog.timeOf(0));
    }

    @Test
    void eachStepRecordsWhatItMadeUpToTheRollout() {
        log.fineTuning("ft-1", requested("ft-1"),
                new FineTuningDatasetExported("ft-1", DATASET),
                new FineTuningTrainingStarted("ft-1", "house", 1),
                new FineTuningSetback("ft-1", FineTuningStep.TRAIN, 1, "training took longer than 2h", true),
                new FineTuningTrainingStarted("ft-1", "house", 2),
                new FineTuningTrainingCompleted("ft-1", CANDIDATE, Map.of("auroc", 0.94)),
                new FineTuningValidationRequested("ft-1", "val-1", CANDIDATE, 1),
                new FineTuningValidated("ft-1", decision(true, 12, 3, 5, List.of())),
                new FineTuningRolloutStarted("ft-1", CANDIDATE, "detector", "rollout-1"));
        log.deliver(projection);

        FineTuningView view = read("ft-1");
        assertThat(view.status()).isEqualTo(FineTuningStatus.ROLLOUT_STARTED);
        assertThat(view.step()).isEqualTo(FineTuningStep.ROLLOUT);
        assertThat(view.dataset()).isEqualTo(DATASET);
        assertThat(view.candidate()).isEqualTo(CANDIDATE);
        assertThat(view.metrics()).isEqualTo(Map.of("auroc", 0.94));
        assertThat(view.validation()).isEqualTo(decision(true, 12, 3, 5, List.of()));
        assertThat(view.deploymentId()).isEqualTo("detector");
        assertThat(view.rolloutId()).isEqualTo("rollout-1");
        assertThat(view.failure()).isNull();
        assertThat(view.history()).extracting(e -> e.event() + " " + e.step() + " " + e.attempt()).containsExactly(
                "Requested null null", "DatasetExported EXPORT null", "TrainingStarted TRAIN 1", "Setback TRAIN 1",
                "TrainingStarted TRAIN 2", "TrainingCompleted TRAIN null", "ValidationRequested VALIDATE 1",
                "Validated VALIDATE null", "RolloutStarted ROLLOUT null");
        assertThat(view.history().get(3).detail()).isEqualTo("training took longer than 2h");
        assertThat(view.updatedAt()).isEqualTo(log.lastTime());
    }

    @Test
    void aCandidateThatLostKeepsTheValidationSummaryAndTheReasons() {
        List<String> reasons = List.of("against house:detector@1 the candidate scored -0.250, below the margin 0.100");
        log.fineTuning("ft-1", requested("ft-1"), new FineTuningDatasetExported("ft-1", DATASET),
                new FineTuningTrainingStarted("ft-1", "house", 1),
                new FineTuningTrainingCompleted("ft-1", CANDIDATE, Map.of()),
                new FineTuningValidationRequested("ft-1", "val-1", CANDIDATE, 1),
                new FineTuningValidated("ft-1", decision(true, 3, 8, 9, reasons)),
                new FineTuningRejected("ft-1", reasons));
        log.deliver(projection);

        FineTuningView view = read("ft-1");
        assertThat(view.status()).isEqualTo(FineTuningStatus.REJECTED);
        assertThat(view.step()).isEqualTo(FineTuningStep.VALIDATE);
        assertThat(view.reasons()).isEqualTo(reasons);
        assertThat(view.validation().promote()).isFalse();
        assertThat(view.validation().losses()).isEqualTo(8);
        assertThat(view.validation().reasons()).isEqualTo(reasons);
    }

    @Test
    void aFailureNamesItsStepReasonAndAttemptsAndACancellationItsAuthor() {
        log.fineTuning("ft-1", requested("ft-1"),
                new FineTuningSetback("ft-1", FineTuningStep.EXPORT, 1, "corpus export e-1 failed: disk full", true),
                new FineTuningFailed("ft-1", FineTuningStep.EXPORT, "corpus export e-2 failed: disk full", 2));
        log.fineTuning("ft-2", requested("ft-2"), new FineTuningCancelled("ft-2", "wrong base", "root"));
        log.deliver(projection);

        FineTuningView failed = read("ft-1");
        assertThat(failed.status()).isEqualTo(FineTuningStatus.FAILED);
        assertThat(failed.step()).isEqualTo(FineTuningStep.EXPORT);
        assertThat(failed.failure()).isEqualTo(new FineTuningFailure(FineTuningStep.EXPORT, "corpus export e-2 failed: disk full", 2));
        FineTuningView cancelled = read("ft-2");
        assertThat(cancelled.status()).isEqualTo(FineTuningStatus.CANCELLED);
        assertThat(cancelled.step()).isEqualTo(FineTuningStep.EXPORT);
        assertThat(cancelled.history().getLast().detail()).isEqualTo("by root: wrong base");
    }

    @Test
    void redeliveryAndReplayRebuildTheSameRows() {
        log.fineTuning("ft-1", requested("ft-1"), new FineTuningDatasetExported("ft-1", DATASET),
                new FineTuningTrainingStarted("ft-1", "house", 1),
                new FineTuningSetback("ft-1", FineTuningStep.TRAIN, 1, "backend unreachable", true));
        log.deliver(projection);
        var live = db.snapshot();

        log.redeliverAll(projection);
        assertThat(db.snapshot()).isEqualTo(live);
        log.replay(projection);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(read("ft-1").history()).hasSize(4);
        assertThat(read("ft-1").status()).isEqualTo(FineTuningStatus.TRAINING);
    }

    @Test
    void aPlatformAdminWatchingAFineTuningIsSentEachFreshViewAndNobodyElseIs() {
        List<FineTuningView> admin = watch(new FindFineTuning("ft-1", new Actor("root", Set.of(PlatformRole.PLATFORM_ADMIN))));
        List<FineTuningView> manager = watch(new FindFineTuning("ft-1", new Actor("mia", Set.of(PlatformRole.MODEL_MANAGER))));
        List<FineTuningView> other = watch(new FindFineTuning("ft-2", new Actor("root", Set.of(PlatformRole.PLATFORM_ADMIN))));

        log.fineTuning("ft-1", requested("ft-1"), new FineTuningDatasetExported("ft-1", DATASET));
        log.deliver(projection);

        assertThat(admin).extracting(FineTuningView::status).containsExactly(FineTuningStatus.REQUESTED, FineTuningStatus.EXPORTED);
        assertThat(manager).isEmpty();
        assertThat(other).isEmpty();
    }

    private List<FineTuningView> watch(FindFineTuning query) {
        List<FineTuningView> received = new CopyOnWriteArrayList<>();
        emitter.<FineTuningView>registerUpdateHandler(new GenericSubscriptionQueryMessage<>(query,
                        ResponseTypes.optionalInstanceOf(FineTuningView.class), ResponseTypes.instanceOf(FineTuningView.class)), 64)
                .getUpdates().map(SubscriptionQueryUpdateMessage::getPayload).subscribe(received::add);
        return received;
    }

    private static FineTuningRequested requested(String id) {
        return new FineTuningRequested(id, BASE, UseCase.DETECTOR, "house", SELECTION.validated(), Map.of("epochs", "3"), 0.1,
                null, null, "root");
    }

    private static PromotionDecision decision(boolean promote, int wins, int losses, int ties, List<String> reasons) {
        double score = (wins - losses) / (double) (wins + losses + ties);
        return new PromotionDecision("val-1", CANDIDATE, INCUMBENT, true, wins, losses, ties, score, 0.1, promote && reasons.isEmpty(),
                reasons);
    }

    private FineTuningView read(String id) {
        return db.jdbc().sql(FineTuningRows.SELECT + "WHERE f.fine_tuning_id = :id").param("id", id)
                .query(FineTuningRows::view).single();
    }
}
