-- A judged turn keeps one row per routed candidate (its own deployment, arm, model and cost), so
-- that each arm's guardrail block rate, detector score and review score come from what it wrote.
-- Legacy rows (before candidates were judged) keep review_score null.
ALTER TABLE narration_outcomes ADD COLUMN review_score double precision;
