package io.storyteller.projections.story;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.projections.schema.BatchedReplay;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code beats}, and the story's beat count and pending narration that beats change, then
 * sends watchers the fresh beat. Its writes go through {@link StoryWrites}: at once live, in
 * batches on a replay. A beat's position is its 1-based place in the story: appended
 * beats take the next one, erased beats (always the story's tail) are deleted.
 */
@Component
@ProcessingGroup(StoryProjection.GROUP)
@AllowReplay
public class BeatProjection implements BatchedReplay {

    private final BeatTable beats;
    private final StoryWrites writes;
    private final StoryUpdates updates;

    public BeatProjection(JdbcClient jdbc, StoryWrites writes, QueryUpdateEmitter emitter) {
        this.beats = new BeatTable(jdbc);
        this.writes = writes;
        this.updates = new StoryUpdates(emitter);
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return writes.collects(event);
    }

    @Override
    public void discard(EventMessage<?> event) {
        writes.discard(event);
    }

    @EventHandler
    void on(PlayerActionSubmitted event, @Timestamp Instant at, ReplayStatus replay) {
        writes.write(BeatTable.append(event.storyId(), event.actionBeatId(), BeatKind.PLAYER_ACTION, event.playerId(),
                event.text(), null, at));
        // the first narration of an action is requested under the action's beat id
        writes.change(StoryDelta.beatsChanged(event.storyId(), at)
                .then(StoryDelta.narrationRequested(event.storyId(), event.actionBeatId(), at)));
        if (!replay.isReplay()) {
            beats.find(event.storyId(), event.actionBeatId()).ifPresent(updates::beatAdded);
        }
    }

    @EventHandler
    void on(NarrationRecorded event, @Timestamp Instant at, ReplayStatus replay) {
        boolean added = event.alternativeIndex() == 0;
        writes.write(added
                ? BeatTable.append(event.storyId(), event.narrationBeatId(), BeatKind.NARRATION, null, event.text(),
                        event.provenance(), at)
                : BeatTable.putAlternative(event.storyId(), event.narrationBeatId(), event.alternativeIndex(), event.text(),
                        event.provenance(), at));
        writes.change(StoryDelta.beatsChanged(event.storyId(), at).then(StoryDelta.narrationSettled(event.storyId(), at)));
        if (!replay.isReplay()) {
            beats.find(event.storyId(), event.narrationBeatId())
                    .ifPresent(added ? updates::beatAdded : updates::beatChanged);
        }
    }

    @EventHandler
    void on(NarrationAlternativeSelected event, @Timestamp Instant at, ReplayStatus replay) {
        writes.write(BeatTable.select(event.storyId(), event.beatId(), event.alternativeIndex(), at));
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatEdited event, @Timestamp Instant at, ReplayStatus replay) {
        writes.write(BeatTable.edit(event.storyId(), event.beatId(), event.editedText(), at));
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatRated event, @Timestamp Instant at, ReplayStatus replay) {
        writes.write(BeatTable.rate(event.storyId(), event.beatId(), event.rating(), at));
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatFlagged event, @Timestamp Instant at, ReplayStatus replay) {
        String categories = String.join(",", event.categories().stream().map(Enum::name).toList());
        writes.write(BeatTable.flag(event.storyId(), event.beatId(), categories, event.severity(), event.realWorld(),
                event.flaggedBy(), at));
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatsErased event, @Timestamp Instant at, ReplayStatus replay) {
        Optional<BeatView> firstErased = replay.isReplay()
                ? Optional.empty() : beats.first(event.storyId(), event.beatIds());
        if (event.beatIds() != null && !event.beatIds().isEmpty()) {
            writes.write(BeatTable.erase(event.storyId(), event.beatIds()));
        }
        writes.change(StoryDelta.beatsChanged(event.storyId(), at));
        if (!replay.isReplay()) {
            updates.beatsErased(event.storyId(), firstErased.orElse(null));
        }
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        beats.clear();
    }

    private void changed(String storyId, String beatId, Instant at, ReplayStatus replay) {
        writes.change(StoryDelta.touch(storyId, at));
        if (!replay.isReplay()) {
            beats.find(storyId, beatId).ifPresent(updates::beatChanged);
        }
    }
}
