package io.storyteller.domain.shared;

/** Roles a caller holds across the whole platform, as granted by its access token. */
public enum PlatformRole {
    /** Plays stories in the worlds they belong to. */
    PLAYER,
    /** May create worlds, and manages the worlds they own or administer. */
    WORLD_ADMIN,
    /** Manages everything. */
    PLATFORM_ADMIN,
    /** The platform itself: engines and sagas acting on recorded facts. */
    SYSTEM,
    /** The meta-manager: may issue model and deployment commands only. */
    MODEL_MANAGER
}
