package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** Aggregates are kept up to the bound, the least recently used leaving first, and listeners hear of it. */
class BoundedAggregateCacheTest {

    @Test
    void keepsUpToItsBoundAndDropsTheLeastRecentlyUsed() {
        BoundedAggregateCache cache = new BoundedAggregateCache(100);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        for (int i = 0; i < 100; i++) {
            cache.put("story-" + i, "state " + i);
        }
        for (int round = 0; round < 5; round++) {
            assertThat((String) cache.get("story-0")).isEqualTo("state 0"); // kept in use
        }
        for (int i = 100; i < 150; i++) {
            cache.put("story-" + i, "state " + i);
        }

        assertThat(cache.containsKey("story-0")).as("in use").isTrue();
        assertThat(cache.containsKey("story-149")).as("just put").isTrue();
        long kept = java.util.stream.IntStream.range(0, 150).filter(i -> cache.containsKey("story-" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(100);
        assertThat(expired).isNotEmpty().doesNotContain("story-0");
    }

    @Test
    void answersAsAxonsRepositoryAsks() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        assertThat(cache.putIfAbsent("s1", "a")).isTrue();
        assertThat(cache.putIfAbsent("s1", "b")).isFalse();
        cache.<String>computeIfPresent("s1", value -> value + "!");
        assertThat((String) cache.get("s1")).isEqualTo("a!");
        assertThat(cache.<String>computeIfAbsent("s2", () -> "c")).isEqualTo("c");
        assertThat(cache.remove("s1")).isTrue();
        assertThat(cache.remove("s1")).isFalse();
        cache.put("s2", null);
        assertThat(cache.containsKey("s2")).isFalse();
        cache.put("s3", "d");
        cache.removeAll();
        assertThat(cache.containsKey("s3")).isFalse();
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropsAnEntryThatIsNoLongerCurrentSoThatTheAggregateIsLoadedAgain() {
        Set<Object> changedElsewhere = new HashSet<>();
        BoundedAggregateCache cache = new BoundedAggregateCache(10, (key, value) -> !changedElsewhere.contains(key));
        cache.put("s1", "story one");
        cache.put("s2", "story two");
        changedElsewhere.add("s1");

        assertThat((Object) cache.get("s1")).as("behind the store: a miss").isNull();
        assertThat(cache.containsKey("s1")).as("and dropped").isFalse();
        assertThat((Object) cache.get("s2")).isEqualTo("story two");
    }

    @Test
    void aCommandThatLostTheRaceForItsSequenceNumberIsToldApartFromOtherFailures() {
        assertThat(NamingCommandBus.lostRace(new RuntimeException("at commit",
                new ConcurrencyException("an event for aggregate s1 at sequence 4 was already inserted")))).isTrue();
        assertThat(NamingCommandBus.lostRace(new AggregateStreamCreationException("s1 exists already"))).isFalse();
        assertThat(NamingCommandBus.lostRace(new IllegalStateException("a handler's own failure"))).isFalse();
    }
}
