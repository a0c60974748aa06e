-- The latest guardrail flag a world admin or platform admin set on a beat (BeatFlagged).
-- Comma-separated category keys keep the row simple; an empty string is a "benign" flag.
ALTER TABLE beats
    ADD COLUMN flag_categories text,
    ADD COLUMN flag_severity   integer,
    ADD COLUMN flag_real_world boolean,
    ADD COLUMN flagged_by      text;
