package io.storyteller.domain.story;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;

/**
 * A story played in a world: the sequence of player actions and narrations, who takes part,
 * and at most one narration pending at a time.
 * <p>
 * It holds what its decisions need and no beat's text: a fixed-size {@link Beat} per beat (its id,
 * kind, a {@link TextFingerprint} per alternative and one of its last fact reading) with the ids of
 * erased beats ({@link StoryBeats}), the latest narration requests and the fact book. Events that
 * used to copy a beat's text out of this state ({@link BeatEdited#originalText()},
 * {@link BeatFlagged#text()}) now leave it null: their consumers fold the text from the beat's own
 * earlier events.
 * <p>
 * Its snapshot (JSON) is its fields: it has no getters, and no method may leak into the format.
 * Revision 3 stores the beats packed ({@link PackedBeats}) and the facts' evidence as fingerprints;
 * a snapshot of another revision is passed over and the story rebuilt from its events (Axon's
 * revision snapshot filter).
 */
@Revision("3")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Story {

    static final int MAX_ACTION_LENGTH = 2000;
    static final int MAX_BEAT_LENGTH = 8000;
    static final int MAX_NOTE_LENGTH = 1000;
    static final int MAX_MEMORY_LENGTH = 4000;

    @AggregateIdentifier
    private String storyId;
    private String worldId;
    private String ownerId;
    private final Set<String> participants = new LinkedHashSet<>();
    private final StoryBeats beats = new StoryBeats();
    /** The latest narration requests with their actions: shadow answers may come after the real one. */
    private final RecentNarrationRequests requests = new RecentNarrationRequests();
    private StoryStatus status;
    private PendingNarration pending;
    @AggregateMember
    private final StoryFactBook factBook = new StoryFactBook();

    protected Story() {
    }

    /** Called by {@link StoryAdmission} once the world has admitted the player. */
    Story(StartStory command) {
        // The same trimmed ids the admission checked and returned, so callers can address the story.
        apply(new StoryStarted(Require.id("storyId", command.storyId()),
                Require.id("worldId", command.worldId()),
                Require.text("title", command.title(), 200), command.actor().userId()));
    }

    /**
     * Called by {@link StoryAdmission} before it asks the world about the invitee, so that only
     * those who may invite learn whether someone belongs to the world.
     */
    void requireInviter(Actor actor) {
        requireActive();
        Require.present("actor", actor);
        if (!actor.userId().equals(ownerId) && !AccessPolicy.hasPlatformAuthority(actor)) {
            throw DomainRejection.forbidden("story-owner", "only the story's owner invites participants");
        }
    }

    /** Called by {@link StoryAdmission} once the world has admitted the invitee. */
    void invite(InviteParticipant command) {
        requireInviter(command.actor());
        String userId = Require.id("userId", command.userId());
        if (participants.contains(userId)) {
            throw DomainRejection.conflict("userId", "not-participant", userId + " already takes part in this story");
        }
        apply(new ParticipantInvited(storyId, userId, command.actor().userId()));
    }

    @CommandHandler
    public void handle(SubmitPlayerAction command) {
        String playerId = requireParticipant(command.actor());
        requireNoPendingNarration();
        String beatId = Require.id("actionBeatId", command.actionBeatId());
        requireNewBeatId("actionBeatId", beatId);
        String text = Require.text("text", command.text(), MAX_ACTION_LENGTH);
        apply(new PlayerActionSubmitted(storyId, worldId, beatId, playerId, text));
    }

    @CommandHandler
    public void handle(RecordNarration command) {
        PendingNarration request = requirePending(command.requestId());
        String text = Require.text("text", command.text(), MAX_BEAT_LENGTH);
        Require.present("provenance", command.provenance());
        if (request.narrationBeatId() != null) {
            Beat retried = beat(request.narrationBeatId());
            apply(new NarrationRecorded(storyId, worldId, request.requestId(), request.actionBeatId(),
                    retried.beatId, retried.alternatives.size(), text, command.provenance()));
        } else {
            String beatId = Require.id("narrationBeatId", command.narrationBeatId());
            requireNewBeatId("narrationBeatId", beatId);
            apply(new NarrationRecorded(storyId, worldId, request.requestId(), request.actionBeatId(),
                    beatId, 0, text, command.provenance()));
        }
    }

    @CommandHandler
    public void handle(RecordNarrationFailure command) {
        PendingNarration request = requirePending(command.requestId());
        apply(new NarrationFailed(storyId, request.requestId(), request.actionBeatId(),
                Require.text("reason", command.reason(), 1000), Require.optionalText("model", command.model(), 200),
                command.route(), command.candidates(), command.code(), command.budget()));
    }

    @CommandHandler
    public void handle(RecordShadowNarration command) {
        String actionBeatId = requests.actionOf(Require.id("requestId", command.requestId()));
        if (actionBeatId == null) {
            throw DomainRejection.notFound("requestId", "no narration request " + command.requestId() + " in this story");
        }
        NarrationProvenance provenance = Require.present("provenance", command.provenance());
        if (provenance.arm() != NarrationArm.SHADOW) {
            throw DomainRejection.invalid("provenance.arm", "shadow", "a shadow narration's arm must be SHADOW");
        }
        boolean failed = command.failureReason() != null && !command.failureReason().isBlank();
        String text = failed ? null : Require.text("text", command.text(), MAX_BEAT_LENGTH);
        String reason = failed ? Require.text("failureReason", command.failureReason(), 1000) : null;
        apply(new ShadowNarrationRecorded(storyId, worldId, command.requestId(), actionBeatId, text, reason, provenance));
    }

    @CommandHandler
    public void handle(RetryNarration command) {
        String playerId = requireParticipant(command.actor());
        requireNoPendingNarration();
        String requestId = Require.id("requestId", command.requestId());
        if (beats.isEmpty()) {
            throw DomainRejection.conflict("storyId", "has-beats", "there is no action to narrate yet");
        }
        // The last beat is an action whose narration failed or was erased: narrate it afresh;
        // otherwise add another alternative to the last narration (the retry stack).
        Beat last = beats.last();
        String narrationBeatId = last.kind == BeatKind.NARRATION ? last.beatId : null;
        apply(new NarrationRetryRequested(storyId, worldId, requestId, last.actionBeatId(), narrationBeatId, playerId));
    }

    @CommandHandler
    public void handle(SelectNarrationAlternative command) {
        String playerId = requireParticipant(command.actor());
        requireNoPendingNarration();
        Beat beat = requireNarration(command.beatId());
        Require.range("alternativeIndex", command.alternativeIndex(), 0, beat.alternatives.size() - 1);
        if (beat.selected != command.alternativeIndex()) {
            apply(new NarrationAlternativeSelected(storyId, beat.beatId, command.alternativeIndex(), playerId));
        }
    }

    @CommandHandler
    public void handle(EditBeat command) {
        String playerId = requireParticipant(command.actor());
        requireNoPendingNarration();
        Beat beat = beat(command.beatId());
        String text = Require.text("text", command.text(),
                beat.kind == BeatKind.PLAYER_ACTION ? MAX_ACTION_LENGTH : MAX_BEAT_LENGTH);
        // Only equality is decided here, on the fingerprint; the text before the edit is the
        // consumers' to fold (the beat's own earlier events), so the event no longer copies it.
        if (!beat.shows(text)) {
            apply(new BeatEdited(storyId, beat.beatId, null, text, playerId));
        }
    }

    @CommandHandler
    public void handle(EraseBeats command) {
        String playerId = requireParticipant(command.actor());
        requireNoPendingNarration();
        List<String> erased = beats.idsFrom(beat("fromBeatId", command.fromBeatId()));
        apply(new BeatsErased(storyId, List.copyOf(erased), playerId));
    }

    @CommandHandler
    public void handle(RateBeat command) {
        String playerId = requireParticipant(command.actor());
        Beat beat = requireNarration(command.beatId());
        apply(new BeatRated(storyId, beat.beatId, Require.range("rating", command.rating(), 1, 5), playerId));
    }

    @CommandHandler
    public void handle(SetAuthorsNote command) {
        String playerId = requireParticipant(command.actor());
        apply(new AuthorsNoteSet(storyId, Require.optionalText("note", command.note(), MAX_NOTE_LENGTH), playerId));
    }

    @CommandHandler
    public void handle(SetPinnedMemory command) {
        String playerId = requireParticipant(command.actor());
        apply(new PinnedMemorySet(storyId, Require.optionalText("memory", command.memory(), MAX_MEMORY_LENGTH), playerId));
    }

    /**
     * The facts the engine read in a beat. A beat erased since it was read records nothing: the
     * reading came too late, and erasing already took the beat's facts away.
     */
    @CommandHandler
    public void handle(RecordStoryFacts command) {
        if (!Require.present("actor", command.actor()).isSystem()) {
            throw DomainRejection.forbidden("platform", "only the platform records the facts it reads");
        }
        String beatId = Require.id("beatId", command.beatId());
        beats.find(beatId).ifPresent(beat -> factBook.record(command, beat));
    }

    @CommandHandler
    public void handle(EndStory command) {
        requireActive();
        Actor actor = Require.present("actor", command.actor());
        if (!actor.userId().equals(ownerId) && !AccessPolicy.hasPlatformAuthority(actor)) {
            throw DomainRejection.forbidden("story-owner", "only the story's owner or a platform admin ends it");
        }
        apply(new StoryEnded(storyId, actor.userId()));
    }

    String worldId() {
        return worldId;
    }

    StoryFactBook factBook() {
        return factBook;
    }

    /** Whether the user is a player of this story. */
    boolean takesPart(String userId) {
        return participants.contains(userId);
    }

    /** Called by {@link BeatModeration} once the world has found the actor one of its managers. */
    void flag(FlagBeat command) {
        Beat beat = beat(command.beatId());
        int severity = Require.range("severity", command.severity(), 0, HarmAssessment.MAX_SEVERITY);
        List<HarmCategory> categories = command.categories() == null ? List.of()
                : command.categories().stream().distinct().toList();
        if (categories.contains(null)) {
            throw DomainRejection.invalid("categories", "required", "categories must not hold an empty entry");
        }
        if (categories.isEmpty() != (severity == 0)) {
            throw DomainRejection.invalid("categories", "benign-iff-severity-0",
                    "a flag names categories exactly when its severity is above 0");
        }
        if (command.realWorld() && severity != HarmAssessment.MAX_SEVERITY) {
            throw DomainRejection.invalid("realWorld", "severity-3", "only a severity-3 flag can be a real-world case");
        }
        // The text judged is the beat's text as it stands now, which the flag's consumers fold
        // from the beat's earlier events; this state has only its fingerprint.
        apply(new BeatFlagged(storyId, worldId, beat.beatId, beat.kind, null, categories, severity,
                command.realWorld(), command.actor().userId()));
    }

    private String requireParticipant(Actor actor) {
        requireActive();
        Require.present("actor", actor);
        if (!participants.contains(actor.userId())) {
            throw DomainRejection.forbidden("story-participant", "only the story's participants act in it");
        }
        return actor.userId();
    }

    private void requireActive() {
        if (status != StoryStatus.ACTIVE) {
            throw DomainRejection.conflict("storyId", "active", "story " + storyId + " has ended");
        }
    }

    private void requireNoPendingNarration() {
        if (pending != null) {
            throw DomainRejection.conflict("storyId", "no-pending-narration",
                    "the narrator is still answering the last action");
        }
    }

    private PendingNarration requirePending(String requestId) {
        if (pending == null || !pending.requestId().equals(requestId)) {
            throw DomainRejection.conflict("requestId", "pending", "no narration request " + requestId + " is pending");
        }
        return pending;
    }

    /** {@code field} names the command's input, so a client can show the rejection beside it. */
    private void requireNewBeatId(String field, String beatId) {
        if (beats.used(beatId)) {
            throw DomainRejection.conflict(field, "unique", "beat id " + beatId + " is already used in this story");
        }
    }

    private Beat beat(String beatId) {
        return beat("beatId", beatId);
    }

    private Beat beat(String field, String beatId) {
        return beats.find(beatId).orElseThrow(() -> DomainRejection.notFound(field, "no beat " + beatId + " in this story"));
    }

    private Beat requireNarration(String beatId) {
        Beat beat = beat(beatId);
        if (beat.kind != BeatKind.NARRATION) {
            throw DomainRejection.invalid("beatId", "narration-beat", "beat " + beatId + " is not a narration");
        }
        return beat;
    }

    @EventSourcingHandler
    void on(StoryStarted event) {
        storyId = event.storyId();
        beats.startedAs(event.storyId());
        worldId = event.worldId();
        ownerId = event.ownerId();
        participants.add(event.ownerId());
        status = StoryStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ParticipantInvited event) {
        participants.add(event.userId());
    }

    @EventSourcingHandler
    void on(PlayerActionSubmitted event) {
        beats.add(new Beat(event.actionBeatId(), BeatKind.PLAYER_ACTION, event.actionBeatId(), event.text()));
        pending = new PendingNarration(event.actionBeatId(), event.actionBeatId(), null);
        requests.requested(event.actionBeatId(), event.actionBeatId());
    }

    @EventSourcingHandler
    void on(NarrationRetryRequested event) {
        pending = new PendingNarration(event.requestId(), event.actionBeatId(), event.narrationBeatId());
        requests.requested(event.requestId(), event.actionBeatId());
    }

    @EventSourcingHandler
    void on(NarrationRecorded event) {
        if (event.alternativeIndex() == 0) {
            beats.add(new Beat(event.narrationBeatId(), BeatKind.NARRATION, event.actionBeatId(), event.text()));
        } else {
            beat(event.narrationBeatId()).addAlternative(event.alternativeIndex(), event.text());
        }
        pending = null;
    }

    @EventSourcingHandler
    void on(NarrationFailed event) {
        pending = null;
    }

    @EventSourcingHandler
    void on(NarrationAlternativeSelected event) {
        beat(event.beatId()).selected = event.alternativeIndex();
    }

    @EventSourcingHandler
    void on(BeatEdited event) {
        beat(event.beatId()).replaceText(event.editedText());
    }

    @EventSourcingHandler
    void on(BeatsErased event) {
        beats.erase(event.beatIds());
    }

    /** A reading of a beat erased since (an old log) has no beat to remember it by. */
    @EventSourcingHandler
    void on(StoryFactsRecorded event) {
        beats.find(event.beatId()).ifPresent(beat -> beat.reading = StoryFactBook.fingerprint(event.facts()));
    }

    @EventSourcingHandler
    void on(StoryEnded event) {
        status = StoryStatus.ENDED;
    }
}
