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
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code beats}, and the story's beat count and pending narration that beats change, then
 * sends watchers the fresh beat. A beat's position is its 1-based place in the story: appended
 * beats take the next one, erased beats (always the story's tail) are deleted.
 */
@Component
@ProcessingGroup(StoryProjection.GROUP)
@AllowReplay
public class BeatProjection {

    private final BeatTable beats;
    private final StoryTable stories;
    private final StoryUpdates updates;

    public BeatProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.beats = new BeatTable(jdbc);
        this.stories = new StoryTable(jdbc);
        this.updates = new StoryUpdates(emitter);
    }

    @EventHandler
    void on(PlayerActionSubmitted event, @Timestamp Instant at, ReplayStatus replay) {
        beats.append(event.storyId(), event.actionBeatId(), BeatKind.PLAYER_ACTION, event.playerId(), event.text(),
                null, at);
        stories.beatsChanged(event.storyId(), at);
        // the first narration of an action is requested under the action's beat id
        stories.narrationRequested(event.storyId(), event.actionBeatId(), at);
        if (!replay.isReplay()) {
            beats.find(event.storyId(), event.actionBeatId()).ifPresent(updates::beatAdded);
        }
    }

    @EventHandler
    void on(NarrationRecorded event, @Timestamp Instant at, ReplayStatus replay) {
        boolean added = event.alternativeIndex() == 0;
        if (added) {
            beats.append(event.storyId(), event.narrationBeatId(), BeatKind.NARRATION, null, event.text(),
                    event.provenance(), at);
        } else {
            beats.putAlternative(event.storyId(), event.narrationBeatId(), event.alternativeIndex(), event.text(),
                    event.provenance(), at);
        }
        stories.beatsChanged(event.storyId(), at);
        stories.narrationSettled(event.storyId(), at);
        if (!replay.isReplay()) {
            beats.find(event.storyId(), event.narrationBeatId())
                    .ifPresent(added ? updates::beatAdded : updates::beatChanged);
        }
    }

    @EventHandler
    void on(NarrationAlternativeSelected event, @Timestamp Instant at, ReplayStatus replay) {
        beats.select(event.storyId(), event.beatId(), event.alternativeIndex(), at);
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatEdited event, @Timestamp Instant at, ReplayStatus replay) {
        beats.edit(event.storyId(), event.beatId(), event.originalText(), event.editedText(), at);
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatRated event, @Timestamp Instant at, ReplayStatus replay) {
        beats.rate(event.storyId(), event.beatId(), event.rating(), at);
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatFlagged event, @Timestamp Instant at, ReplayStatus replay) {
        String categories = String.join(",", event.categories().stream().map(Enum::name).toList());
        beats.flag(event.storyId(), event.beatId(), categories, event.severity(), event.realWorld(), event.flaggedBy(), at);
        changed(event.storyId(), event.beatId(), at, replay);
    }

    @EventHandler
    void on(BeatsErased event, @Timestamp Instant at, ReplayStatus replay) {
        Optional<BeatView> firstErased = replay.isReplay()
                ? Optional.empty() : beats.first(event.storyId(), event.beatIds());
        beats.erase(event.storyId(), event.beatIds());
        stories.beatsChanged(event.storyId(), at);
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
        stories.touch(storyId, at);
        if (!replay.isReplay()) {
            beats.find(storyId, beatId).ifPresent(updates::beatChanged);
        }
    }
}
