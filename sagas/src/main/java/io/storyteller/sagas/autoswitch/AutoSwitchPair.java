package io.storyteller.sagas.autoswitch;

import io.storyteller.domain.model.ModelRef;

/**
 * What an auto-switch saga is associated with: one slot and one candidate version. The slot id's
 * length comes first, which keeps the key unambiguous whatever characters the ids contain, e.g.
 * {@code 15:narrator:global<-openai:gpt-5@2026-01}.
 */
final class AutoSwitchPair {

    /** The association property name of the pair's saga handlers. */
    static final String PROPERTY = "autoSwitchPair";
    /** The association property of the evaluations the saga waits for. */
    static final String EVALUATION = "evaluationId";

    private AutoSwitchPair() {
    }

    static String of(String deploymentId, ModelRef candidate) {
        return deploymentId.length() + ":" + deploymentId + "<-" + candidate.label();
    }
}
