package io.storyteller.command.continuity.recording;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.continuity.Fact;
import io.storyteller.command.continuity.FactLedger;
import io.storyteller.command.continuity.StoryFactsFold;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordStoryFacts;
import io.storyteller.domain.story.StoryFact;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of every beat as it comes, or changes, and records them on the story: a player's
 * action, a narration, a retry's new alternative, another alternative selected, an edit. The beat is
 * read as it now stands in the Story's own stream (so a late or redelivered event reads the current
 * text), with the story told before it; the Story aggregate records nothing when the reading is the
 * one it already holds, so redelivery and the catch-up of a new deployment double nothing.
 * <p>
 * It stores nothing itself and answers with a command; replaying would only send those commands
 * again: disallowed. A beat whose facts cannot be recorded fails its event alone (dead-lettered in
 * its story's sequence); every other story goes on.
 */
@Component
@ProcessingGroup(StoryFactRecorder.GROUP)
@DisallowReplay
public class StoryFactRecorder {

    public static final String GROUP = "story-fact-reading";

    private static final Logger log = LoggerFactory.getLogger(StoryFactRecorder.class);
    /** The Story aggregate's bounds on what it records (StoryFactBook). */
    static final int MAX_FACTS = 100;
    static final int MAX_FIELD = 500;
    static final int MAX_EVIDENCE = 8000;

    private final StoryTexts texts;
    private final ContinuityCheck check;
    private final CommandGateway commands;

    public StoryFactRecorder(EventStore events, ContinuityCheck check, CommandGateway commands, StoryFactsProperties properties) {
        this.texts = new StoryTexts(events, properties.storyCache());
        this.check = check;
        this.commands = commands;
    }

    @EventHandler
    void on(PlayerActionSubmitted event) {
        read(event.storyId(), event.actionBeatId());
    }

    @EventHandler
    void on(NarrationRecorded event) {
        read(event.storyId(), event.narrationBeatId());
    }

    @EventHandler
    void on(NarrationAlternativeSelected event) {
        read(event.storyId(), event.beatId());
    }

    @EventHandler
    void on(BeatEdited event) {
        read(event.storyId(), event.beatId());
    }

    private void read(String storyId, String beatId) {
        texts.beat(storyId, beatId).ifPresentOrElse(beat -> {
            List<StoryFact> facts = recordable(check.extract(beat.text(), beat.position(), beat.playerAction(), beat.toldBefore()));
            commands.sendAndWait(new RecordStoryFacts(storyId, beatId, facts, Actor.system()));
        }, () -> log.debug("Beat {} of story {} is no longer in the story; its facts are not read", beatId, storyId));
    }

    /**
     * One fact per key (the last read wins), each within the aggregate's bounds: a fact that does not
     * fit is left out rather than failing the whole beat.
     */
    static List<StoryFact> recordable(List<Fact> read) {
        FactLedger ledger = new FactLedger();
        read.stream().filter(StoryFactRecorder::fits).forEach(ledger::record);
        List<Fact> facts = ledger.facts();
        if (facts.size() > MAX_FACTS) {
            log.debug("{} facts read in one beat; the first {} are recorded", facts.size(), MAX_FACTS);
            facts = facts.subList(0, MAX_FACTS);
        }
        return facts.stream().map(StoryFactsFold::toStoryFact).toList();
    }

    private static boolean fits(Fact fact) {
        return fact.kind() != null && within(fact.entity(), MAX_FIELD) && within(fact.attribute(), MAX_FIELD)
                && within(fact.value(), MAX_FIELD) && (fact.evidence() == null || fact.evidence().strip().length() <= MAX_EVIDENCE);
    }

    private static boolean within(String text, int max) {
        return text != null && !text.isBlank() && text.strip().length() <= max;
    }
}
