package io.storyteller.command.narration.pipeline;

import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.slot.RouteChoice;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer stage as the world's {@code reviewer} slot routes the story: each version the route
 * names reviews by its provider, a {@code house-classifier} version in process (its P(good) on the
 * candidate) and any other as a chat model ({@link ChatReviewer}). Deciding per version lets a slot
 * roll a house reviewer out against a chat one (shadow, canary) and back. Without a slot there is
 * no reviewer score; a house version not stored here gives none, and the log says why.
 */
public class RoutedReviewer implements Reviewer {

    private static final Logger log = LoggerFactory.getLogger(RoutedReviewer.class);

    private final StageSlots slots;
    private final ChatReviewer chat;
    private final HouseClassifiers classifiers;

    public RoutedReviewer(StageSlots slots, ChatReviewer chat, HouseClassifiers classifiers) {
        this.slots = slots;
        this.chat = chat;
        this.classifiers = classifiers;
    }

    @Override
    public Double score(TurnGround ground, String candidate) {
        return judge(ground, candidate).verdict();
    }

    @Override
    public StageOutcome<Double> judge(TurnGround ground, String candidate) {
        Optional<RouteChoice> choice = slots.choice(UseCase.REVIEWER, ground.worldId(), ground.storyId());
        if (choice.isEmpty()) {
            return StageOutcome.unrouted(null);
        }
        return RoutedJudging.run(UseCase.REVIEWER, choice.get(), ref -> review(ref, ground, candidate),
                (call, score) -> call.reviewed(score));
    }

    private Double review(ModelRef ref, TurnGround ground, String candidate) {
        if (!HouseClassifiers.serves(ref)) {
            return chat.review(ref, ground, candidate);
        }
        Optional<HouseReviewer> reviewer = classifiers == null ? Optional.empty() : classifiers.reviewer(ref);
        if (reviewer.isEmpty()) {
            log.warn("Reviewer {} is not a stored house reviewer: the candidate goes without a review score", ref.label());
            return null;
        }
        return reviewer.get().score(candidate);
    }
}
