package io.storyteller.domain.processing;

/**
 * An operator acted on the running platform. When is the event's own timestamp.
 *
 * @param operatorId the subject of the platform admin who acted
 */
public record OperatorActionRecorded(String actionId,
        String operatorId,
        String action,
        String target,
        String outcome,
        boolean succeeded) {
}
