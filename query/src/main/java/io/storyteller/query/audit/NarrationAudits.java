package io.storyteller.query.audit;

import io.storyteller.domain.deployment.AuditNarration;
import io.storyteller.domain.deployment.AuditedNarration;
import io.storyteller.domain.deployment.NarrationAudit;
import io.storyteller.domain.deployment.RouteDecision;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.StoryStarted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers {@link AuditNarration} from the event log itself, not from a read model: the story's
 * stream gives the beat's recorded narrations and their provenance, each routing deployment's
 * stream the decisions in force when each was recorded ({@link DeploymentHistory}). Streams are
 * read from their first event, never from a snapshot, so the whole history is there.
 */
@Component
public class NarrationAudits {

    private final EventStore events;

    public NarrationAudits(EventStore events) {
        this.events = events;
    }

    @QueryHandler
    public Optional<NarrationAudit> handle(AuditNarration query) {
        ModelAuthority.require(query.viewer());
        String storyId = Require.text("storyId", query.storyId(), 200);
        String beatId = Require.text("beatId", query.beatId(), 200);
        String worldId = null;
        int selected = 0;
        var recorded = new ArrayList<DomainEventMessage<?>>();
        for (DomainEventMessage<?> event : history(storyId)) {
            switch (event.getPayload()) {
                case StoryStarted started -> worldId = started.worldId();
                case NarrationRecorded narration when beatId.equals(narration.narrationBeatId()) -> {
                    recorded.add(event);
                    selected = narration.alternativeIndex();
                }
                case NarrationAlternativeSelected selection when beatId.equals(selection.beatId()) ->
                        selected = selection.alternativeIndex();
                default -> {
                }
            }
        }
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        Map<String, DeploymentHistory> deployments = new HashMap<>();
        List<AuditedNarration> alternatives = recorded.stream()
                .map(event -> audited(event, deployments))
                .toList();
        return Optional.of(new NarrationAudit(storyId, worldId, beatId, selected, alternatives));
    }

    private AuditedNarration audited(DomainEventMessage<?> event, Map<String, DeploymentHistory> deployments) {
        NarrationRecorded narration = (NarrationRecorded) event.getPayload();
        NarrationProvenance provenance = narration.provenance();
        ModelRef model = new ModelRef(provenance.model(), provenance.modelVersion());
        String deploymentId = provenance.deploymentId();
        var decisions = deploymentId == null
                ? List.<RouteDecision>of()
                : deployments.computeIfAbsent(deploymentId, id -> new DeploymentHistory(history(id)))
                        .decisionsFor(provenance, model, event.getTimestamp());
        return new AuditedNarration(narration.alternativeIndex(), narration.requestId(), event.getTimestamp(), model,
                deploymentId, provenance.arm(), provenance.rolloutId(), provenance.rolloutStep(), decisions);
    }

    private List<DomainEventMessage<?>> history(String aggregateId) {
        return events.readEvents(aggregateId, 0).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }
}
