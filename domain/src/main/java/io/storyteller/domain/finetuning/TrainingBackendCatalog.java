package io.storyteller.domain.finetuning;

import java.util.List;

/**
 * The training backends the application offers, by name. The domain only needs their names to
 * refuse a request for one that does not exist; the backends themselves live with the work.
 */
@FunctionalInterface
public interface TrainingBackendCatalog {

    /** The names, sorted. */
    List<String> names();
}
