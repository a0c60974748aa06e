package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.ADMIN;
import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.world.WorldExamples.PLAYER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;
import static io.storyteller.domain.world.WorldExamples.houseModel;
import static io.storyteller.domain.world.WorldExamples.lore;
import static io.storyteller.domain.world.WorldExamples.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchivingAWorldTest {

    private static final String GATE = "lore-gate";

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void theOwnerArchivesTheWorld() {
        fixture.given(founded())
                .when(new ArchiveWorld(WORLD_ID, OWNER))
                .expectEvents(new WorldArchived(WORLD_ID, OWNER.userId()));
    }

    @Test
    void aPlatformAdminArchivesAnyWorld() {
        fixture.given(founded())
                .when(new ArchiveWorld(WORLD_ID, PLATFORM_ADMIN))
                .expectEvents(new WorldArchived(WORLD_ID, PLATFORM_ADMIN.userId()));
    }

    @Test
    void anAdminOfTheWorldMayNotArchiveIt() {
        fixture.given(founded())
                .when(new ArchiveWorld(WORLD_ID, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:owner"));
    }

    @Test
    void aPlayerMayNotArchiveTheWorld() {
        fixture.given(founded())
                .when(new ArchiveWorld(WORLD_ID, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:owner"));
    }

    @Test
    void anArchiveIsRequestedBySomeone() {
        fixture.given(founded())
                .when(new ArchiveWorld(WORLD_ID, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    @Test
    void anOpenWorldAdmitsItsMembersOnly() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, "nina", WorldRole.PLAYER, OWNER))
                .expectState(world -> {
                    assertThat(world.isArchived()).isFalse();
                    assertThat(world.admitsPlayer(PLAYER.userId())).isTrue();
                    assertThat(world.admitsPlayer("nina")).isTrue();
                    assertThat(world.admitsPlayer("sam")).isFalse();
                });
    }

    @Test
    void anArchivedWorldAdmitsNoOne() {
        fixture.given(founded())
                .when(new ArchiveWorld(WORLD_ID, OWNER))
                .expectState(world -> {
                    assertThat(world.isArchived()).isTrue();
                    assertThat(world.admitsPlayer(OWNER.userId())).isFalse();
                    assertThat(world.admitsPlayer(PLAYER.userId())).isFalse();
                });
    }

    static Stream<Object> everyCommand() {
        return Stream.of(
                new ChangeWorldSettings(WORLD_ID, settings(), PLATFORM_ADMIN),
                new AddLoreEntry(WORLD_ID, "lore-new", lore(), PLATFORM_ADMIN),
                new ReviseLoreEntry(WORLD_ID, GATE, lore(), PLATFORM_ADMIN),
                new RetireLoreEntry(WORLD_ID, GATE, PLATFORM_ADMIN),
                new AddWorldMember(WORLD_ID, "nina", WorldRole.PLAYER, PLATFORM_ADMIN),
                new ChangeWorldMemberRole(WORLD_ID, PLAYER.userId(), WorldRole.ADMIN, PLATFORM_ADMIN),
                new RemoveWorldMember(WORLD_ID, PLAYER.userId(), PLATFORM_ADMIN),
                new ArchiveWorld(WORLD_ID, OWNER),
                new RecordHouseModelVersion(WORLD_ID, houseModel(1), Actor.system()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void anArchivedWorldRejectsEveryCommand(Object command) {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId()),
                        new WorldArchived(WORLD_ID, OWNER.userId())))
                .when(command)
                .expectNoEvents()
                .expectException(Rejected.conflict("worldId", "not-archived"));
    }
}
