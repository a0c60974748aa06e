-- How a fine-tuning trained a version (TrainingLineage as JSON); null for every other version.
ALTER TABLE model_versions ADD COLUMN training jsonb;
