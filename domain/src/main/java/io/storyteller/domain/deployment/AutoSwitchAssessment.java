package io.storyteller.domain.deployment;

/** Whether a candidate is worth switching to, and why in words. */
public record AutoSwitchAssessment(boolean switching,
        String rationale) {
}
