-- A beat's alternative provenances were a jsonb array. PostgreSQL parsed each narrated beat's
-- provenance on insert, and that parsing was half the database's time of a replay that rebuilds
-- the beats; nothing queries inside it (it is read whole, per alternative). They are now a text[]
-- of JSON documents, index-aligned with alternatives and alternative_originals like those, with
-- NULL for a player's action as JSON null was.
CREATE FUNCTION pg_temp.provenance_texts(provenances jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(array_agg(CASE WHEN jsonb_typeof(element) = 'null' THEN NULL ELSE element::text END
                                  ORDER BY position), ARRAY[]::text[])
        FROM jsonb_array_elements(provenances) WITH ORDINALITY AS e(element, position)
    $$;

ALTER TABLE beats ALTER COLUMN alternative_provenances TYPE text[]
    USING pg_temp.provenance_texts(alternative_provenances);
