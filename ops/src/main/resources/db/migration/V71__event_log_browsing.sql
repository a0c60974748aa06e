-- The audit explorer and the operator log read the event table by aggregate type, event type and
-- time, newest first by global index. By aggregate id, the (aggregateidentifier, sequencenumber)
-- key already serves.
create index domainevententry_type_idx
    on domainevententry (type, globalindex);
-- The payload type's simple name, as EventLogQuery.SIMPLE_TYPE writes it (the expressions must match).
create index domainevententry_simple_payloadtype_idx
    on domainevententry ((regexp_replace(payloadtype, '^.*\.', '')), globalindex);
create index domainevententry_timestamp_idx
    on domainevententry (timestamp);
