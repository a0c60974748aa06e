package io.storyteller.command.housemodel.text;

import java.nio.file.Path;

/**
 * Keeps the HuggingFace tokenizers library (DJL) offline: it would otherwise unpack its native
 * library into {@code ~/.djl.ai} and may try the network. Call before the first tokenizer is built.
 */
public final class OfflineTokenizers {

    static {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "storyteller-djl").toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private OfflineTokenizers() {
    }

    /** Applies the settings once; every later call is free. */
    public static void configure() {
        // the static initialiser did the work
    }
}
