-- A judge stage's routed call (detector, guardrail, reviewer deployments) is a row too, under its
-- slot's deployment id: which arm judged a candidate, how long it took, whether it failed and its
-- verdict (detector_score, guardrail_blocked, or review_score for a reviewer). stage names the use
-- case ('detector', 'guardrail', 'reviewer'); null for a narrator call. A stage row's rating is the
-- player's only: a reviewer's own score is its verdict, not a measure of its quality.
ALTER TABLE narration_outcomes ADD COLUMN stage text;
