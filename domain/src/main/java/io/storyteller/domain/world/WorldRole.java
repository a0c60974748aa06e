package io.storyteller.domain.world;

/** A member's role within one world. */
public enum WorldRole {
    /** Created the world; manages it and alone may archive it. There is exactly one. */
    OWNER,
    /** Manages the world's settings, lore and members. */
    ADMIN,
    /** Plays stories in the world. */
    PLAYER;

    public boolean manages() {
        return this == OWNER || this == ADMIN;
    }
}
