package io.storyteller.ops.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.processing.BrowseEventLog;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventLogQueryTest {

    private static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void onlyTheFiltersAskedForAreWrittenSoThatEachCanUseItsIndex() {
        EventLogQuery query = EventLogQuery.of(new BrowseEventLog("story-1", null, null, null, null, null, 20, false, ADMIN));

        assertThat(query.sql()).isEqualTo("SELECT globalindex, aggregateidentifier, type, sequencenumber, payloadtype, timestamp,"
                + " payload FROM domainevententry WHERE aggregateidentifier = :aggregateId ORDER BY globalindex DESC LIMIT :limit");
        assertThat(query.params()).containsEntry("aggregateId", "story-1").containsEntry("limit", 21).hasSize(2);
    }

    @Test
    void aSimpleEventTypeIsMatchedByTheExpressionTheIndexHoldsAndAFullOneByTheColumn() {
        assertThat(EventLogQuery.of(browse("StoryStarted", null, null, null, true)).sql())
                .contains("regexp_replace(payloadtype, '^.*\\.', '') = :eventType").contains("ORDER BY globalindex ASC");
        assertThat(EventLogQuery.of(browse("io.storyteller.domain.story.StoryStarted", null, null, null, true)).sql())
                .contains("WHERE payloadtype = :eventType");
    }

    @Test
    void timesCompareAsTheFixedWidthTextAxonStoresAndTheCursorFollowsTheOrder() {
        EventLogQuery newest = EventLogQuery.of(browse(null, NOON, NOON.plusSeconds(60), 40L, false));
        assertThat(newest.sql()).contains("timestamp >= :from AND timestamp < :to AND globalindex < :after");
        assertThat(newest.params()).containsEntry("from", "2026-12-01T12:00:00.000Z").containsEntry("to", "2026-12-01T12:01:00.000Z")
                .containsEntry("after", 40L);
        assertThat(EventLogQuery.of(browse(null, null, null, 40L, true)).sql()).contains("globalindex > :after");
    }

    @Test
    void badInputNamesItsField() {
        assertRejected(() -> EventLogQuery.of(new BrowseEventLog(null, null, null, null, null, null, 0, false, ADMIN)), "first");
        assertRejected(() -> EventLogQuery.of(new BrowseEventLog(null, null, null, null, null, null, 201, false, ADMIN)), "first");
        assertRejected(() -> EventLogQuery.of(browse(null, NOON, NOON, null, false)), "to");
        assertRejected(() -> EventLogQuery.of(browse(null, null, null, -1L, false)), "after");
        assertRejected(() -> EventLogQuery.of(new BrowseEventLog(" ", null, null, null, null, null, 5, false, ADMIN)), "aggregateId");
    }

    private static BrowseEventLog browse(String eventType, Instant from, Instant to, Long after, boolean oldestFirst) {
        return new BrowseEventLog(null, null, eventType, from, to, after, 10, oldestFirst, ADMIN);
    }

    private static void assertRejected(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainRejection.class,
                rejection -> assertThat(rejection.violation().field()).isEqualTo(field));
    }
}
