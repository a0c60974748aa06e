-- A beat's provenance was stored twice: as the selected alternative's entry of
-- alternative_provenances, and again in provenance. It is now read from the former
-- (alternative_provenances -> selected_alternative), which halves the JSON a narrated beat
-- stores and parses: most of the database's work when a replay rebuilds the beats.
ALTER TABLE beats DROP COLUMN provenance;
