package io.storyteller.command.continuity.recording;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How story facts are read.
 *
 * @param storyCache how many stories keep their beats in memory between readings (least recently read first to go);
 *                   the others are read again from their event stream
 */
@ConfigurationProperties("storyteller.story-facts")
public record StoryFactsProperties(@DefaultValue("200") int storyCache) {

    public StoryFactsProperties {
        if (storyCache < 1) {
            throw new IllegalArgumentException("storyteller.story-facts.story-cache must be at least 1");
        }
    }
}
