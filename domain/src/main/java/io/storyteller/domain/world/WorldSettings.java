package io.storyteller.domain.world;

import io.storyteller.domain.shared.Require;

/** What a world is and how it is told. */
public record WorldSettings(String name, String premise, String genre, String tone,
                            ContentRating contentRating, String narrativeStyle) {

    /** The same settings, trimmed and checked; rejects naming the first field that breaks a rule. */
    public WorldSettings validated() {
        return new WorldSettings(
                Require.text("settings.name", name, 100),
                Require.text("settings.premise", premise, 4000),
                Require.text("settings.genre", genre, 60),
                Require.text("settings.tone", tone, 60),
                Require.present("settings.contentRating", contentRating),
                Require.optionalText("settings.narrativeStyle", narrativeStyle, 1000));
    }
}
