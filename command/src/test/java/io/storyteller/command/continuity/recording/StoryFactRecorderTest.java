package io.storyteller.command.continuity.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.narration.context.AggregateStreams;
import io.storyteller.command.support.RecordingCommandGateway;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordStoryFacts;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryStarted;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoryFactRecorderTest {

    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("house:w1", "1", "digest", List.of(), 5, 10, 10);

    private final AggregateStreams streams = new AggregateStreams();
    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final StoryFactRecorder recorder = new StoryFactRecorder(streams.store, new ContinuityCheck(), commands,
            new StoryFactsProperties(10));

    @AfterEach
    void close() {
        streams.close();
    }

    private static PlayerActionSubmitted acted(String beatId, String text) {
        return new PlayerActionSubmitted("s1", "w1", beatId, "olivia", text);
    }

    private static NarrationRecorded narrated(String actionBeatId, String beatId, int index, String text) {
        return new NarrationRecorded("s1", "w1", "r-" + actionBeatId + index, actionBeatId, beatId, index, text, PROVENANCE);
    }

    @Test
    void aPlayersActionIsReadAsTheirsAtItsPositionAndRecordedByThePlatform() {
        PlayerActionSubmitted action = acted("a1", "I give my compass to the ferryman.");
        streams.append("s1", new StoryStarted("s1", "w1", "Fog", "olivia"), action);

        recorder.on(action);

        RecordStoryFacts sent = commands.sent(RecordStoryFacts.class).getFirst();
        assertThat(sent.storyId()).isEqualTo("s1");
        assertThat(sent.beatId()).isEqualTo("a1");
        assertThat(sent.actor()).isEqualTo(Actor.system());
        assertThat(sent.facts()).singleElement().satisfies(fact -> {
            assertThat(fact.kind()).isEqualTo("possession");
            assertThat(fact.entity()).isEqualTo("player");
            assertThat(fact.value()).isEqualTo("parted");
            assertThat(fact.sinceBeat()).isEqualTo(1);
        });
    }

    @Test
    void aNarrationIsReadWithTheStoryToldBeforeIt() {
        PlayerActionSubmitted action = acted("a1", "I walk to the Mill of Osk.");
        NarrationRecorded narration = narrated("a1", "n1", 0, "The dragon's fire razed the mill.");
        streams.append("s1", new StoryStarted("s1", "w1", "Fog", "olivia"), action, narration);

        recorder.on(narration);

        assertThat(commands.sent(RecordStoryFacts.class).getFirst().facts()).extracting(StoryFact::kind, StoryFact::entity,
                StoryFact::value, StoryFact::sinceBeat).containsExactly(
                org.assertj.core.groups.Tuple.tuple("destroyed-place", "Mill of Osk", "destroyed", 2));
    }

    @Test
    void aBeatIsReadAsItNowStandsWhicheverEventAnnouncesIt() {
        PlayerActionSubmitted action = acted("a1", "I wait.");
        NarrationRecorded first = narrated("a1", "n1", 0, "Nothing happens.");
        NarrationRecorded retried = narrated("a1", "n1", 1, "Brother Wendel was killed by the wolves.");
        BeatEdited edited = new BeatEdited("s1", "n1", "Brother Wendel was killed by the wolves.",
                "Brother Wendel was killed by the wolves at dawn.", "olivia");
        streams.append("s1", new StoryStarted("s1", "w1", "Fog", "olivia"), action, first, retried, edited);

        recorder.on(first); // delivered late: the beat now says what the retry and the edit made it say
        recorder.on(edited);

        assertThat(commands.sent(RecordStoryFacts.class)).hasSize(2).allSatisfy(sent ->
                assertThat(sent.facts()).extracting(StoryFact::kind, StoryFact::entity)
                        .contains(org.assertj.core.groups.Tuple.tuple("death", "Wendel")));

        NarrationAlternativeSelected back = new NarrationAlternativeSelected("s1", "n1", 0, "olivia");
        streams.append("s1", back);
        recorder.on(back);
        assertThat(commands.sent(RecordStoryFacts.class).getLast().facts()).as("'Nothing happens.' says nothing").isEmpty();
    }

    @Test
    void aBeatErasedBeforeItIsReadSendsNothing() {
        PlayerActionSubmitted action = acted("a1", "I give my compass to the ferryman.");
        streams.append("s1", new StoryStarted("s1", "w1", "Fog", "olivia"), action,
                new BeatsErased("s1", List.of("a1"), "olivia"));

        recorder.on(action);

        assertThat(commands.sent).isEmpty();
    }

    @Test
    void factsTheStoryCannotHoldAreLeftOutAndOneKeyIsReadOnce() {
        var read = List.of(
                new io.storyteller.command.continuity.Fact(io.storyteller.command.continuity.ContinuityKind.COUNT,
                        "x".repeat(501), "count", "3", 1, ""),
                new io.storyteller.command.continuity.Fact(io.storyteller.command.continuity.ContinuityKind.COUNT,
                        "wolves", "count", "3", 1, ""),
                new io.storyteller.command.continuity.Fact(io.storyteller.command.continuity.ContinuityKind.COUNT,
                        "wolves", "count", "5", 1, ""));

        assertThat(StoryFactRecorder.recordable(read)).extracting(StoryFact::entity, StoryFact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wolves", "5"));
    }
}
