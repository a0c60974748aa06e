package io.storyteller.ops.live;

/** A story watcher left too many updates untaken; its subscription ends rather than buffer without bound. */
public class WatcherTooSlow extends RuntimeException {

    public WatcherTooSlow(String storyId, int capacity) {
        super("the watcher of story " + storyId + " fell " + capacity + " updates behind and was dropped");
    }
}
