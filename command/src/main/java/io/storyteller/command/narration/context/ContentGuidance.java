package io.storyteller.command.narration.context;

import io.storyteller.domain.world.ContentRating;

/** What the narrator is told about the content a world's rating allows. */
final class ContentGuidance {

    private ContentGuidance() {
    }

    static String forRating(ContentRating rating) {
        return switch (rating == null ? ContentRating.EVERYONE : rating) {
            case EVERYONE -> "Content rating EVERYONE: keep the story suitable for all ages. No graphic violence, "
                    + "no sexual content, no profanity, no drug use; peril is resolved without gore.";
            case TEEN -> "Content rating TEEN: mild violence, peril and mild language are allowed. No gore, "
                    + "no sexual content, no glorified drug use.";
            case MATURE -> "Content rating MATURE: violence, dark themes and strong language are allowed. "
                    + "No explicit sexual content.";
            case ADULT -> "Content rating ADULT: mature themes for adult players, including explicit content when "
                    + "the story calls for it. Never sexualise minors and never depict real people.";
        };
    }
}
