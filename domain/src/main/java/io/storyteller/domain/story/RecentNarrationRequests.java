package io.storyteller.domain.story;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The Story's latest narration requests, each with the action it answers, so that a shadow
 * candidate's answer can be recorded after the real narration settled its request.
 * <p>
 * Only the last {@link #KEPT} are kept, not every request ever made: a shadow answer comes within
 * the narrator's timeout of its request, and the narration engine awaits it before it narrates the
 * story's next action, so at most a request or two are made between a request and its shadow
 * answer (the player's next action, a retry). The one request that may be pending is always the
 * newest and so always kept. A shadow answer later than {@link #KEPT} requests (an engine stalled
 * for many turns) is refused as an unknown request: it is analysis data, never part of the story.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class RecentNarrationRequests {

    static final int KEPT = 32;

    /** Request id to the action it answers, oldest first. */
    private final LinkedHashMap<String, String> actions = new LinkedHashMap<>();

    void requested(String requestId, String actionBeatId) {
        actions.remove(requestId);
        actions.put(requestId, actionBeatId);
        Iterator<String> oldest = actions.keySet().iterator();
        while (actions.size() > KEPT) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The action the request answers, or null when it is not one of the latest requests. */
    String actionOf(String requestId) {
        return actions.get(requestId);
    }
}
