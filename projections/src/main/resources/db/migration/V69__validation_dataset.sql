-- The items a validation was measured on (its suite's own, or those the validation chose, such as a
-- fine-tuning's holdout). Null for validations recorded before it was kept: their suite's dataset then.
ALTER TABLE model_validations ADD COLUMN dataset jsonb;
