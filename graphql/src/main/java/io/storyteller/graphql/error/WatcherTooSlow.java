package io.storyteller.graphql.error;

/**
 * A subscriber left too many updates untaken; its subscription ends rather than buffer without
 * bound. The client gets it as {@code UNAVAILABLE} with rule {@code keep-up}: subscribe again.
 */
public class WatcherTooSlow extends RuntimeException {

    public WatcherTooSlow(String storyId, int capacity) {
        super("the watcher of story " + storyId + " fell " + capacity + " updates behind and was dropped");
    }
}
