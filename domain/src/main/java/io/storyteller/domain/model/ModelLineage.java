package io.storyteller.domain.model;

import java.util.List;

/**
 * A version's ancestry: the chain starts at the version asked about and follows
 * {@code derivedFrom} (a variant's base, a fine-tune's origin) back to a root.
 */
public record ModelLineage(String modelId,
        List<LineageStep> chain) {
}
