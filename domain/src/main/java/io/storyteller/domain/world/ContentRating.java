package io.storyteller.domain.world;

/** How mature a world's content may be, from the most restrained to the least. */
public enum ContentRating {
    EVERYONE,
    TEEN,
    MATURE,
    ADULT
}
