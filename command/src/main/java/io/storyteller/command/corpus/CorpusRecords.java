package io.storyteller.command.corpus;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.safety.RatingPolicy;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.world.ContentRating;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of each dataset's lines. Every text passes the scrubber and every user id the
 * pseudonyms; ids of stories and beats never appear, only seeded hashes of them.
 */
final class CorpusRecords {

    static final String HUMAN = "human";
    static final String GENERATED = "generated";
    /** The guardrail's labelled sets name content ratings by these keys. */
    private static final Map<ContentRating, String> RATING_KEYS = Map.of(ContentRating.EVERYONE, "E",
            ContentRating.TEEN, "T", ContentRating.MATURE, "M", ContentRating.ADULT, "AO");

    private final TextScrubber scrubber = new TextScrubber();
    private final Pseudonyms pseudonyms;

    CorpusRecords(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** Instruction/response: the prompt as recorded, the narration as it stands. */
    CorpusRecord sft(String storyId, NarrationPrompt prompt, String narration) {
        List<ChatTurn> messages = new java.util.ArrayList<>(prompt.messages(scrubber));
        messages.add(new ChatTurn(ChatTurn.ASSISTANT, scrubber.scrub(narration)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messages", json(messages));
        return new CorpusRecord(CorpusDataset.SFT, storyId, identity(messages), fields);
    }

    /** source: {@code candidates}, {@code retry} or {@code edit}. */
    CorpusRecord preference(String storyId, NarrationPrompt prompt, String chosen, String rejected, String source) {
        List<ChatTurn> messages = prompt.messages(scrubber);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prompt", json(messages));
        fields.put("chosen", scrubber.scrub(chosen));
        fields.put("rejected", scrubber.scrub(rejected));
        fields.put("source", source);
        return new CorpusRecord(CorpusDataset.PREFERENCES, storyId,
                identity(messages) + "\u0001" + fields.get("chosen") + "\u0001" + fields.get("rejected"), fields);
    }

    CorpusRecord rating(String storyId, NarrationPrompt prompt, String response, int rating, String ratedBy) {
        List<ChatTurn> messages = prompt.messages(scrubber);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prompt", json(messages));
        fields.put("response", scrubber.scrub(response));
        fields.put("rating", rating);
        fields.put("rater", pseudonyms.user(ratedBy));
        return new CorpusRecord(CorpusDataset.RATINGS, storyId,
                identity(messages) + "\u0001" + fields.get("response") + "\u0001" + rating + "\u0001" + fields.get("rater"), fields);
    }

    /** label: {@link #HUMAN} or {@link #GENERATED}; source: action, edit, lore or narration. */
    CorpusRecord detector(String group, String key, String text, String label, String source) {
        String scrubbed = scrubber.scrub(text);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", pseudonyms.record("detector", key));
        fields.put("text", scrubbed);
        fields.put("label", label);
        fields.put("source", source);
        return new CorpusRecord(CorpusDataset.DETECTOR, group, scrubbed, fields);
    }

    /** A moderator's latest flag on a beat, in the house guardrail's labelled format. */
    CorpusRecord flagged(BeatFlagged flag) {
        Map<HarmCategory, Integer> severities = new EnumMap<>(HarmCategory.class);
        flag.categories().forEach(category -> severities.put(category, flag.severity()));
        return guardrail(flag.storyId(), flag.beatId(), flag.text(), flag.beatKind(),
                new HarmAssessment(severities, flag.realWorld()), true);
    }

    /** A beat no moderator flagged: clean as far as the log knows ({@code reviewed: false}). */
    CorpusRecord unflagged(String storyId, String beatId, String text, BeatKind kind) {
        return guardrail(storyId, beatId, text, kind, HarmAssessment.benign(), false);
    }

    private CorpusRecord guardrail(String storyId, String beatId, String text, BeatKind kind, HarmAssessment assessment,
                                   boolean reviewed) {
        String scrubbed = scrubber.scrub(text);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", pseudonyms.record("guardrail", storyId + "/" + beatId));
        fields.put("text", scrubbed);
        fields.put("source", kind == BeatKind.PLAYER_ACTION ? "player" : "narration");
        fields.put("categories", assessment.severities().keySet().stream().map(HarmCategory::key).toList());
        fields.put("severity", assessment.severity());
        fields.put("realWorld", assessment.realWorld());
        Map<String, Boolean> allowed = new LinkedHashMap<>();
        for (ContentRating rating : ContentRating.values()) {
            allowed.put(RATING_KEYS.get(rating), RatingPolicy.allowed(rating, assessment));
        }
        fields.put("allowed", allowed);
        fields.put("reviewed", reviewed);
        return new CorpusRecord(CorpusDataset.GUARDRAIL, storyId, scrubbed, fields);
    }

    private static List<Map<String, String>> json(List<ChatTurn> messages) {
        return messages.stream().map(turn -> {
            Map<String, String> message = new LinkedHashMap<>();
            message.put("role", turn.role());
            message.put("content", turn.content());
            return message;
        }).toList();
    }

    private static String identity(List<ChatTurn> messages) {
        StringBuilder identity = new StringBuilder();
        messages.forEach(turn -> identity.append(turn.role()).append('\u0002').append(turn.content()).append('\u0001'));
        return identity.toString();
    }
}
