package io.storyteller.query.audit;

import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.deployment.RolloutPaused;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.RolloutResumed;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.deployment.RouteDecision;
import io.storyteller.domain.deployment.RouteDecisionKind;
import io.storyteller.domain.deployment.StableModelReplaced;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One deployment's event stream, asked which of its decisions were in force for a narration:
 * <ul>
 *   <li>on the stable arm, or outside a rollout: the latest event that put a stable model in place
 *       at or before the narration, preferring one that put exactly the narration's model there
 *       (a route is resolved a moment before the narration is recorded);</li>
 *   <li>within a rollout: the auto-switch decision that started it (if one did), its start, the
 *       step change that brought it to the narration's step, its latest analysis at or before
 *       the narration, and its pause if it stood paused then.</li>
 * </ul>
 * Decisions come oldest first.
 */
final class DeploymentHistory {

    private final List<DomainEventMessage<?>> events;

    DeploymentHistory(List<DomainEventMessage<?>> events) {
        this.events = events;
    }

    List<RouteDecision> decisionsFor(NarrationProvenance provenance, ModelRef model, Instant recordedAt) {
        var chosen = new ArrayList<DomainEventMessage<?>>();
        String rolloutId = provenance.rolloutId();
        if (rolloutId == null || provenance.arm() == NarrationArm.STABLE) {
            stableDecision(model, recordedAt).ifPresent(chosen::add);
        }
        if (rolloutId != null) {
            first(e -> e.getPayload() instanceof AutoSwitchDecided d && rolloutId.equals(d.rolloutId())).ifPresent(chosen::add);
            first(e -> e.getPayload() instanceof RolloutStarted s && rolloutId.equals(s.rolloutId())).ifPresent(chosen::add);
            Integer step = provenance.rolloutStep();
            first(e -> e.getPayload() instanceof RolloutAdvanced a && rolloutId.equals(a.rolloutId())
                    && Objects.equals(step, a.step())).ifPresent(chosen::add);
            last(recordedAt, e -> e.getPayload() instanceof RolloutAnalyzed a && rolloutId.equals(a.rolloutId()))
                    .ifPresent(chosen::add);
            last(recordedAt, e -> (e.getPayload() instanceof RolloutPaused p && rolloutId.equals(p.rolloutId()))
                    || (e.getPayload() instanceof RolloutResumed r && rolloutId.equals(r.rolloutId())))
                    .filter(e -> e.getPayload() instanceof RolloutPaused)
                    .ifPresent(chosen::add);
        }
        return chosen.stream()
                .distinct()
                .sorted(Comparator.comparingLong(DomainEventMessage::getSequenceNumber))
                .map(DeploymentHistory::decision)
                .toList();
    }

    private Optional<DomainEventMessage<?>> stableDecision(ModelRef model, Instant recordedAt) {
        Predicate<DomainEventMessage<?>> placesStable = e -> stableOf(e.getPayload()) != null;
        return last(recordedAt, placesStable.and(e -> model.equals(stableOf(e.getPayload()))))
                .or(() -> last(recordedAt, placesStable));
    }

    private static ModelRef stableOf(Object payload) {
        return switch (payload) {
            case DeploymentCreated created -> created.stable();
            case StableModelReplaced replaced -> replaced.stable();
            case RolloutPromoted promoted -> promoted.newStable();
            default -> null;
        };
    }

    private Optional<DomainEventMessage<?>> first(Predicate<DomainEventMessage<?>> matching) {
        return events.stream().filter(matching).findFirst();
    }

    private Optional<DomainEventMessage<?>> last(Instant notAfter, Predicate<DomainEventMessage<?>> matching) {
        return events.stream()
                .filter(e -> !e.getTimestamp().isAfter(notAfter))
                .filter(matching)
                .reduce((earlier, later) -> later);
    }

    private static RouteDecision decision(DomainEventMessage<?> event) {
        Instant at = event.getTimestamp();
        return switch (event.getPayload()) {
            case DeploymentCreated e -> new RouteDecision(RouteDecisionKind.DEPLOYMENT_CREATED, at, e.stable(), null, null,
                    null, "slot opened", e.createdBy());
            case StableModelReplaced e -> new RouteDecision(RouteDecisionKind.STABLE_REPLACED, at, e.stable(), null, null,
                    null, e.reason(), e.replacedBy());
            case RolloutPromoted e -> new RouteDecision(RouteDecisionKind.ROLLOUT_PROMOTED, at, e.newStable(), e.rolloutId(),
                    null, null, e.reason(), e.promotedBy());
            case AutoSwitchDecided e -> new RouteDecision(RouteDecisionKind.AUTO_SWITCH_DECIDED, at, e.candidate(),
                    e.rolloutId(), null, null, e.rationale(), e.decidedBy());
            case RolloutStarted e -> new RouteDecision(RouteDecisionKind.ROLLOUT_STARTED, at, e.candidate(), e.rolloutId(),
                    e.step(), null, e.reason(), e.startedBy());
            case RolloutAdvanced e -> new RouteDecision(RouteDecisionKind.ROLLOUT_ADVANCED, at, null, e.rolloutId(),
                    e.step(), null, "advanced to weight " + e.weight(), e.advancedBy());
            case RolloutAnalyzed e -> new RouteDecision(RouteDecisionKind.ROLLOUT_ANALYZED, at, null, e.rolloutId(),
                    e.step(), e.verdict(), e.rationale(), e.analyzedBy());
            case RolloutPaused e -> new RouteDecision(RouteDecisionKind.ROLLOUT_PAUSED, at, null, e.rolloutId(), null, null,
                    e.reason(), e.pausedBy());
            default -> throw new IllegalStateException("not a routing decision: " + event.getPayloadType());
        };
    }
}
