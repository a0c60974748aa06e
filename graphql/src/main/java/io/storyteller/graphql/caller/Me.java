package io.storyteller.graphql.caller;

import io.storyteller.domain.shared.PlatformRole;
import java.util.List;

/** The caller as the API sees them. */
public record Me(String userId, List<PlatformRole> roles) {
}
