-- Read model of the Acquisition aggregate (Hub acquisitions), built by the "acquisitions" processing
-- group. Like the other read models: unbounded text, no foreign keys, rebuilt by replay.

CREATE TABLE acquisitions (
    acquisition_id           text        PRIMARY KEY,
    repo                     text        NOT NULL,
    revision                 text        NOT NULL,
    commit_id                text,
    use_case                 text,
    -- IN_PROGRESS, COMPLETED, FAILED
    status                   text        NOT NULL,
    license                  text,
    task                     text,
    library                  text,
    total_bytes              bigint,
    -- the downloaded files as the Hub described them: [{path, sizeBytes, sha256, blobId}]
    files                    jsonb       NOT NULL DEFAULT '[]',
    digest                   text,
    model_id                 text,
    model_version            text,
    failed_step              text,
    failure_reason           text,
    last_setback             text,
    requested_by             text        NOT NULL,
    requested_at             timestamptz NOT NULL,
    downloaded_at            timestamptz,
    verified_at              timestamptz,
    registered_at            timestamptz,
    evaluation_requested_at  timestamptz,
    updated_at               timestamptz NOT NULL
);

CREATE INDEX acquisitions_newest ON acquisitions (requested_at DESC, acquisition_id);
CREATE INDEX acquisitions_by_status ON acquisitions (status, use_case);
