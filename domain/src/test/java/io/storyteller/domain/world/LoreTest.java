package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.ADMIN;
import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.world.WorldExamples.PLAYER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;
import static io.storyteller.domain.world.WorldExamples.lore;

import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding, revising and retiring lore entries; the rules of their content are in {@link LoreContentRulesTest}. */
class LoreTest {

    private static final String GATE = "lore-gate";

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void aWorldAdminAddsALoreEntry() {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, GATE, lore(), ADMIN))
                .expectEvents(new LoreEntryAdded(WORLD_ID, GATE, lore(), ADMIN.userId()));
    }

    @Test
    void aPlatformAdminAddsALoreEntry() {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, GATE, lore(), PLATFORM_ADMIN))
                .expectEvents(new LoreEntryAdded(WORLD_ID, GATE, lore(), PLATFORM_ADMIN.userId()));
    }

    @Test
    void aPlayerMayNotAddLore() {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, GATE, lore(), PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void aLoreEntryIdIsUnique() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId())))
                .when(new AddLoreEntry(WORLD_ID, GATE, lore("Another gate"), OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("loreEntryId", "unique"));
    }

    @Test
    void aRetiredLoreEntryKeepsItsId() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId()),
                        new LoreEntryRetired(WORLD_ID, GATE, OWNER.userId())))
                .when(new AddLoreEntry(WORLD_ID, GATE, lore(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("loreEntryId", "unique"));
    }

    @Test
    void aLoreEntryNeedsAnId() {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, "", lore(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("loreEntryId", "required"));
    }

    @Test
    void aLoreEntryIdIsShapedLikeAnId() {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, "l".repeat(201), lore(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("loreEntryId", "id-shape"));
    }

    @Test
    void aLoreEntryNeedsContent() {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, GATE, null, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("content", "required"));
    }

    @Test
    void aWorldAdminRevisesAnActiveLoreEntry() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId())))
                .when(new ReviseLoreEntry(WORLD_ID, GATE, lore("The Ember Gate, sealed"), ADMIN))
                .expectEvents(new LoreEntryRevised(WORLD_ID, GATE, lore("The Ember Gate, sealed"), ADMIN.userId()));
    }

    @Test
    void aRevisionIsValidatedLikeANewEntry() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId())))
                .when(new ReviseLoreEntry(WORLD_ID, GATE, lore(" "), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("content.title", "required"));
    }

    @Test
    void aRevisionNeedsContent() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId())))
                .when(new ReviseLoreEntry(WORLD_ID, GATE, null, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("content", "required"));
    }

    @Test
    void anUnknownLoreEntryCannotBeRevised() {
        fixture.given(founded())
                .when(new ReviseLoreEntry(WORLD_ID, GATE, lore(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("loreEntryId"));
    }

    @Test
    void aRetiredLoreEntryCannotBeRevised() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId()),
                        new LoreEntryRetired(WORLD_ID, GATE, OWNER.userId())))
                .when(new ReviseLoreEntry(WORLD_ID, GATE, lore(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("loreEntryId", "active"));
    }

    @Test
    void aPlayerMayNotReviseLore() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId())))
                .when(new ReviseLoreEntry(WORLD_ID, GATE, lore(), PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void aWorldAdminRetiresALoreEntry() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId()),
                        new LoreEntryRevised(WORLD_ID, GATE, lore("Sealed"), OWNER.userId())))
                .when(new RetireLoreEntry(WORLD_ID, GATE, ADMIN))
                .expectEvents(new LoreEntryRetired(WORLD_ID, GATE, ADMIN.userId()));
    }

    @Test
    void anUnknownLoreEntryCannotBeRetired() {
        fixture.given(founded())
                .when(new RetireLoreEntry(WORLD_ID, GATE, OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("loreEntryId"));
    }

    @Test
    void aLoreEntryIsRetiredOnce() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId()),
                        new LoreEntryRetired(WORLD_ID, GATE, OWNER.userId())))
                .when(new RetireLoreEntry(WORLD_ID, GATE, OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("loreEntryId", "active"));
    }

    @Test
    void aPlayerMayNotRetireLore() {
        fixture.given(founded(new LoreEntryAdded(WORLD_ID, GATE, lore(), OWNER.userId())))
                .when(new RetireLoreEntry(WORLD_ID, GATE, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }
}
