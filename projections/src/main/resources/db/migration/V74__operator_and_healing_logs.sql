-- The operator log and the healing log as read models, so that they are the same on the JDBC event
-- store and on Axon Server (before, both were read from Axon's JDBC event table, empty on Axon
-- Server). A row is keyed by its event's place in the log (the global index, a paging cursor), so a
-- redelivered or replayed event writes nothing twice.

-- What operators did, kept by the "operations-log" processing group.
CREATE TABLE operator_actions (
    global_index bigint      PRIMARY KEY,
    action_id    text        NOT NULL,
    operator_id  text        NOT NULL,
    action       text        NOT NULL,
    target       text,
    outcome      text,
    succeeded    boolean     NOT NULL,
    at           timestamptz NOT NULL
);

-- What the platform healed, kept by the "operations-log" processing group.
CREATE TABLE healing_actions (
    global_index bigint      PRIMARY KEY,
    action_id    text        NOT NULL,
    kind         text        NOT NULL,
    subject      text        NOT NULL,
    detail       text,
    outcome      text        NOT NULL,
    occurrences  integer     NOT NULL,
    at           timestamptz NOT NULL
);

CREATE INDEX healing_actions_by_kind ON healing_actions (kind, global_index);
