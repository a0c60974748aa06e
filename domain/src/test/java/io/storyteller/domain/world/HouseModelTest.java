package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;
import static io.storyteller.domain.world.WorldExamples.houseModel;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HouseModelTest {

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void thePlatformRecordsTheFirstHouseModelVersion() {
        fixture.given(founded())
                .when(new RecordHouseModelVersion(WORLD_ID, houseModel(1), Actor.system()))
                .expectEvents(new HouseModelTrained(WORLD_ID, houseModel(1)));
    }

    @Test
    void aNewerVersionFollowsAnOlderOne() {
        fixture.given(founded(new HouseModelTrained(WORLD_ID, houseModel(1))))
                .when(new RecordHouseModelVersion(WORLD_ID, houseModel(3), Actor.system()))
                .expectEvents(new HouseModelTrained(WORLD_ID, houseModel(3)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void versionsOnlyIncrease(int version) {
        fixture.given(founded(new HouseModelTrained(WORLD_ID, houseModel(1)), new HouseModelTrained(WORLD_ID, houseModel(2))))
                .when(new RecordHouseModelVersion(WORLD_ID, houseModel(version), Actor.system()))
                .expectNoEvents()
                .expectException(Rejected.conflict("version.version", "increasing"));
    }

    @Test
    void theFirstVersionIsPositive() {
        fixture.given(founded())
                .when(new RecordHouseModelVersion(WORLD_ID, houseModel(0), Actor.system()))
                .expectNoEvents()
                .expectException(Rejected.conflict("version.version", "increasing"));
    }

    @Test
    void aPlatformAdminMayNotRecordHouseModelVersions() {
        fixture.given(founded())
                .when(new RecordHouseModelVersion(WORLD_ID, houseModel(1), PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:system"));
    }

    @Test
    void theOwnerMayNotRecordHouseModelVersions() {
        fixture.given(founded())
                .when(new RecordHouseModelVersion(WORLD_ID, houseModel(1), OWNER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:system"));
    }

    @Test
    void aRecordNamesTheVersion() {
        fixture.given(founded())
                .when(new RecordHouseModelVersion(WORLD_ID, null, Actor.system()))
                .expectNoEvents()
                .expectException(Rejected.invalid("version", "required"));
    }

    @Test
    void aRecordIsMadeBySomeone() {
        fixture.given(founded())
                .when(new RecordHouseModelVersion(WORLD_ID, houseModel(1), null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }
}
