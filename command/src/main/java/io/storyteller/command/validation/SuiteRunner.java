package io.storyteller.command.validation;

import io.storyteller.command.housemodel.classifier.detector.DetectorSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.RecordedPlayerAction;
import io.storyteller.domain.validation.DatasetKind;
import io.storyteller.domain.validation.EvaluationSuiteView;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs a suite on a candidate and its incumbent: recorded turns are replayed through chat models
 * ({@link ReplaySuite}); labelled files are classified by the house detector or guardrail
 * ({@link ClassifierSuite}) or reviewed by a chat or house reviewer ({@link ReviewerSuite}). What cannot run
 * here is refused with the reason.
 */
final class SuiteRunner {

    /** The recorded actions of a world (all worlds when null), at most {@code limit}, oldest first. */
    interface RecentActions extends BiFunction<String, Integer, List<RecordedPlayerAction>> {
    }

    private final RecentActions actions;
    private final RecordedTurns turns;
    private final ReplaySuite replay;
    private final TurnReplay reviews;
    private final ModelRuntimes runtimes;
    private final Function<ModelRef, TokenPrice> prices;
    private final SuiteClassifiers classifiers;
    private final LabelledDataset files;

    SuiteRunner(RecentActions actions, RecordedTurns turns, ReplaySuite replay, TurnReplay reviews,
            ModelRuntimes runtimes, Function<ModelRef, TokenPrice> prices, SuiteClassifiers classifiers,
            LabelledDataset files) {
        this.actions = actions;
        this.turns = turns;
        this.replay = replay;
        this.reviews = reviews;
        this.runtimes = runtimes;
        this.prices = prices;
        this.classifiers = classifiers;
        this.files = files;
    }

    SuiteRun run(EvaluationSuiteView suite, ModelRef candidate, ModelRef incumbent, String worldId) {
        if (suite.dataset().kind() == DatasetKind.RECENT_TURNS) {
            if (suite.useCase() != io.storyteller.domain.model.UseCase.NARRATOR) {
                throw new CannotValidateException("recorded turns replay narrators; suite " + suite.name() + " measures "
                        + suite.useCase());
            }
            String world = suite.dataset().worldId() != null ? suite.dataset().worldId() : worldId;
            List<ReplayTurn> replayed = turns.of(actions.apply(world, suite.dataset().limit()));
            return replay.run(side(candidate), incumbent == null ? null : side(incumbent), replayed);
        }
        List<String> lines = files.lines(suite.dataset());
        return switch (suite.useCase()) {
            case DETECTOR -> ClassifierSuite.detector(DetectorSet.parse(lines), classifiers.detector(candidate),
                    incumbent == null ? null : classifiers.detector(incumbent));
            case GUARDRAIL -> ClassifierSuite.guardrail(GuardrailSet.parse(lines), classifiers.guardrail(candidate),
                    incumbent == null ? null : classifiers.guardrail(incumbent));
            case REVIEWER -> ReviewerSuite.run(reviewer(candidate), incumbent == null ? null : reviewer(incumbent), lines);
            default -> throw new CannotValidateException("labelled files measure the detector, the guardrail and the reviewer; suite "
                    + suite.name() + " measures " + suite.useCase());
        };
    }

    private ReplaySuite.Side side(ModelRef model) {
        try {
            return new ReplaySuite.Side(runtimes.chatModelFor(model), prices.apply(model));
        } catch (RuntimeException e) {
            throw new CannotValidateException(model.label() + " cannot run here: " + e.getMessage());
        }
    }

    /** As the reviewer stage serves it: a house reviewer version in process, anything else as a chat model. */
    private ReviewerSuite.Reviewing reviewer(ModelRef model) {
        if (HouseClassifiers.serves(model)) {
            return ReviewerSuite.house(classifiers.reviewer(model));
        }
        return ReviewerSuite.chat(reviews, side(model));
    }
}
