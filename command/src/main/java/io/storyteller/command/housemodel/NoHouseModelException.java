package io.storyteller.command.housemodel;

import io.storyteller.command.narration.NarratorFailure;

/**
 * No house model can serve a world: neither it nor any other world has text to train one from.
 * A {@link NarratorFailure}, so the narration engine records its message as the failure's reason.
 */
public class NoHouseModelException extends NarratorFailure {

    public NoHouseModelException(String safeReason) {
        super(safeReason);
    }
}
