package io.storyteller.graphql.world;

import io.storyteller.domain.world.GuardrailAction;
import io.storyteller.domain.world.NarrationPolicy;
import io.storyteller.graphql.scalars.IsoDuration;
import java.util.List;

/** A narration policy as the API takes it: the deadline as an ISO-8601 duration. */
public record NarrationPolicyInput(int candidates,
        List<String> deployments,
        String deadline,
        double detectorThreshold,
        int maxTries,
        GuardrailAction guardrailAction) {

    NarrationPolicy toPolicy() {
        return new NarrationPolicy(candidates, deployments, IsoDuration.parse("policy.deadline", deadline),
                detectorThreshold, maxTries, guardrailAction);
    }
}
