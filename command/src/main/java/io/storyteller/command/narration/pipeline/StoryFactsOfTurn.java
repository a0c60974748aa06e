package io.storyteller.command.narration.pipeline;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.continuity.Fact;
import io.storyteller.command.continuity.FactLedger;
import io.storyteller.command.continuity.StoryFactsFold;
import io.storyteller.command.continuity.StoryLine;
import io.storyteller.domain.story.StoryFactsRecorded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The story's facts as they stand when a turn is judged: the readings the story already recorded
 * ({@code StoryFactsRecorded}, made by the fact recorder as each beat came), pins and corrections,
 * and a reading of each recent beat the recorder has not read yet (typically the action being
 * answered and the narration just before it). The unread beats' readings are folded by the same
 * rules as recorded ones ({@code StandingFacts}): a later beat's fact replaces an earlier one's, and a
 * key a person pinned or corrected holds against every reading. A turn so reads one or two beats,
 * not its whole window, however long the story.
 */
final class StoryFactsOfTurn {

    private StoryFactsOfTurn() {
    }

    static List<Fact> read(ContinuityCheck check, TurnGround ground, List<StoryLine> lines) {
        Set<String> recorded = new HashSet<>();
        for (Object event : ground.factEvents()) {
            if (event instanceof StoryFactsRecorded reading) {
                recorded.add(reading.beatId());
            }
        }
        List<Object> payloads = new ArrayList<>(ground.factEvents());
        StringBuilder told = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            StoryLine line = lines.get(i);
            String beatId = ground.beatIds().isEmpty() ? null : ground.beatIds().get(i);
            if (beatId == null || !recorded.contains(beatId)) {
                FactLedger reading = new FactLedger();
                reading.recordAll(check.extract(line.text(), ground.firstLine() + i, line.playerAction(), told));
                payloads.add(new StoryFactsRecorded(ground.storyId(), beatId == null ? "line:" + i : beatId,
                        reading.facts().stream().map(StoryFactsFold::toStoryFact).toList()));
            }
            told.append(' ').append(line.text());
        }
        return StoryFactsFold.fold(payloads);
    }
}
