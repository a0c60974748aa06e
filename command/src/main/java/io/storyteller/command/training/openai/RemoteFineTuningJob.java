package io.storyteller.command.training.openai;

import java.util.Set;

/**
 * A fine-tuning job as the provider describes it.
 *
 * @param status         {@code validating_files}, {@code queued}, {@code running}, {@code succeeded},
 *                       {@code failed} or {@code cancelled}
 * @param fineTunedModel the new model's name once it succeeded
 * @param trainedTokens  tokens trained on, when told
 * @param error          the provider's reason of a failure, when told
 * @param seconds        from creation to the end, when both are told
 */
record RemoteFineTuningJob(String id,
        String status,
        String fineTunedModel,
        Long trainedTokens,
        String error,
        Long seconds) {

    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");

    boolean ended() {
        return ENDED.contains(status);
    }

    boolean succeeded() {
        return "succeeded".equals(status);
    }
}
