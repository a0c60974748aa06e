package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailLabels;
import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRevised;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the house classifiers learn from the event log, folded event by event. For the detector:
 * human text (player actions, beats rewritten by hand, lore written by admins) and generated text
 * (narrations as recorded, whichever model wrote them). For the guardrail: the latest admin flag on
 * each beat, with the text it judged. For the reviewer: players' ratings ({@link RatedNarrations}).
 * Not thread-safe; {@link ClassifierCorpusReader} guards it.
 */
final class ClassifierCorpus {

    private record Text(String text, long at) {
    }

    private static final Set<Class<?>> FOLDED = Set.of(PlayerActionSubmitted.class, BeatEdited.class,
            LoreEntryAdded.class, LoreEntryRevised.class, NarrationRecorded.class, BeatFlagged.class,
            NarrationAlternativeSelected.class, BeatsErased.class);

    private final Map<String, Text> human = new LinkedHashMap<>();
    private final Map<String, Text> generated = new LinkedHashMap<>();
    private final Map<String, LabelledAt> flags = new LinkedHashMap<>();
    /** For flags that do not carry the text they judged, and for ratings, which never do. */
    private final StandingBeatTexts beatTexts = new StandingBeatTexts();
    private final RatedNarrations rated = new RatedNarrations(beatTexts);

    private record LabelledAt(LabelledText example, long at) {
    }

    static boolean folds(Class<?> payloadType) {
        return FOLDED.contains(payloadType) || payloadType == BeatRated.class;
    }

    void apply(Object payload, long index) {
        beatTexts.apply(payload);
        rated.apply(payload, index);
        switch (payload) {
            case PlayerActionSubmitted e -> human.put("action:" + e.storyId() + "/" + e.actionBeatId(), new Text(e.text(), index));
            case BeatEdited e -> human.put("edit:" + e.storyId() + "/" + e.beatId(), new Text(e.editedText(), index));
            case LoreEntryAdded e -> lore(e.worldId(), e.loreEntryId(), e.content(), index);
            case LoreEntryRevised e -> lore(e.worldId(), e.loreEntryId(), e.content(), index);
            case NarrationRecorded e -> generated.put("narration:" + e.storyId() + "/" + e.narrationBeatId() + "/"
                    + e.alternativeIndex(), new Text(e.text(), index));
            case BeatFlagged e -> flag(e, index);
            default -> {
                // Nothing else is text a person or a model wrote.
            }
        }
    }

    /** Flags set after the index: what a new guardrail version would learn. */
    int flagsSince(long index) {
        return (int) flags.values().stream().filter(flag -> flag.at() > index).count();
    }

    /** Human and generated texts set after the index. */
    int textsSince(long index) {
        return (int) (human.values().stream().filter(text -> text.at() > index).count()
                + generated.values().stream().filter(text -> text.at() > index).count());
    }

    /** Ratings given or changed after the index: what a new reviewer version would learn. */
    int ratingsSince(long index) {
        return rated.since(index);
    }

    /** Each player's latest verdict on each narration, labelled for the reviewer. */
    List<LabelledText> reviewerExamples() {
        return rated.examples();
    }

    List<LabelledText> flags() {
        return flags.values().stream().map(LabelledAt::example).toList();
    }

    int flagCount() {
        return flags.size();
    }

    /** Up to {@code perLabel} of the newest texts of each kind, labelled for the detector. */
    List<LabelledText> detectorTexts(int perLabel) {
        List<LabelledText> examples = new ArrayList<>();
        newest(human, perLabel).forEach(text -> examples.add(new LabelledText(text, List.of(), Set.of())));
        newest(generated, perLabel).forEach(text ->
                examples.add(new LabelledText(text, List.of(), Set.of(HouseDetector.GENERATED))));
        return examples;
    }

    private static List<String> newest(Map<String, Text> texts, int limit) {
        return texts.values().stream().filter(text -> text.text() != null && !text.text().isBlank())
                .sorted(Comparator.comparingLong(Text::at).reversed()).limit(limit).map(Text::text).toList();
    }

    private void lore(String worldId, String loreEntryId, LoreContent content, long index) {
        if (content == null) {
            return;
        }
        String title = content.title() == null ? "" : content.title().strip();
        String body = content.content() == null ? "" : content.content().strip();
        human.put("lore:" + worldId + "/" + loreEntryId, new Text((title + "\n" + body).strip(), index));
    }

    private void flag(BeatFlagged e, long index) {
        // Flags leave the judged text to this fold (revision 2; older ones are upcast to it).
        String text = beatTexts.text(e.storyId(), e.beatId());
        if (text != null) {
            flags.put(e.storyId() + "/" + e.beatId(), new LabelledAt(flagged(e, text), index));
        }
    }

    private static LabelledText flagged(BeatFlagged e, String text) {
        Map<HarmCategory, Integer> severities = new EnumMap<>(HarmCategory.class);
        e.categories().forEach(category -> severities.put(category, e.severity()));
        HarmAssessment assessment = new HarmAssessment(severities, e.realWorld());
        String source = e.beatKind() == BeatKind.PLAYER_ACTION ? "player" : "narration";
        return new LabelledText(text, List.of("source=" + source), GuardrailLabels.encode(assessment));
    }
}
