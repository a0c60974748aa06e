package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.settings;

import io.storyteller.domain.shared.Rejected;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every field of a world's settings obeys, when the world is created. */
class WorldSettingsRulesTest {

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    static Stream<Arguments> blankFields() {
        WorldSettings s = settings();
        return Stream.of(
                Arguments.of("settings.name", new WorldSettings(" ", s.premise(), s.genre(), s.tone(), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.name", new WorldSettings(null, s.premise(), s.genre(), s.tone(), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.premise", new WorldSettings(s.name(), "", s.genre(), s.tone(), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.genre", new WorldSettings(s.name(), s.premise(), "\n", s.tone(), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.tone", new WorldSettings(s.name(), s.premise(), s.genre(), null, s.contentRating(), s.narrativeStyle())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankFields")
    void eachRequiredSettingMustNotBeBlank(String field, WorldSettings settings) {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, settings, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, "required"));
    }

    static Stream<Arguments> tooLongFields() {
        WorldSettings s = settings();
        return Stream.of(
                Arguments.of("settings.name", 100, new WorldSettings("n".repeat(101), s.premise(), s.genre(), s.tone(), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.premise", 4000, new WorldSettings(s.name(), "p".repeat(4001), s.genre(), s.tone(), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.genre", 60, new WorldSettings(s.name(), s.premise(), "g".repeat(61), s.tone(), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.tone", 60, new WorldSettings(s.name(), s.premise(), s.genre(), "t".repeat(61), s.contentRating(), s.narrativeStyle())),
                Arguments.of("settings.narrativeStyle", 1000, new WorldSettings(s.name(), s.premise(), s.genre(), s.tone(), s.contentRating(), "s".repeat(1001))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLongFields")
    void eachSettingHasAMaximumLength(String field, int max, WorldSettings settings) {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, settings, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, "max-length:" + max));
    }

    @Test
    void settingsAtTheirMaximumLengthsAreAccepted() {
        WorldSettings longest = new WorldSettings("n".repeat(100), "p".repeat(4000), "g".repeat(60), "t".repeat(60),
                ContentRating.ADULT, "s".repeat(1000));
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, longest, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WorldCreated(WORLD_ID, longest, OWNER.userId()),
                        new WorldMemberAdded(WORLD_ID, OWNER.userId(), WorldRole.OWNER, OWNER.userId()));
    }

    @Test
    void aWorldNeedsAContentRating() {
        WorldSettings s = settings();
        WorldSettings unrated = new WorldSettings(s.name(), s.premise(), s.genre(), s.tone(), null, s.narrativeStyle());
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, unrated, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("settings.contentRating", "required"));
    }

    @Test
    void theFirstBrokenRuleIsTheOneReported() {
        WorldSettings s = settings();
        WorldSettings broken = new WorldSettings("", s.premise(), "g".repeat(61), s.tone(), null, s.narrativeStyle());
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, broken, OWNER))
                .expectException(Rejected.invalid("settings.name", "required"));
    }
}
