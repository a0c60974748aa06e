package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/** Where a pull stands. Answers an optional {@link OllamaPullView}. */
public record FindOllamaPull(String pullId,
        Actor viewer) {
}
