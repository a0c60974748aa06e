-- Dead letters of every processing group (JdbcSequencedDeadLetterQueue, default DeadLetterSchema),
-- as GenericDeadLetterTableFactory of Axon 4.13 creates it, with bytea for its serialized columns.
create table deadletterentry (
    deadletteridentifier varchar(255)  not null,
    processinggroup      varchar(255)  not null,
    sequenceidentifier   varchar(255)  not null,
    sequenceindex        bigint        not null,
    messagetype          varchar(255)  not null,
    eventidentifier      varchar(255)  not null,
    timestamp            varchar(255)  not null,
    payloadtype          varchar(255)  not null,
    payloadrevision      varchar(255),
    payload              bytea         not null,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255)  not null,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    causemessage         varchar(1023),
    diagnostics          bytea,
    constraint deadletterentry_pkey primary key (deadletteridentifier),
    constraint deadletterentry_sequenceindex_key unique (processinggroup, sequenceidentifier, sequenceindex)
);

create index deadletterentry_processinggroup_idx
    on deadletterentry (processinggroup);
create index deadletterentry_sequenceidentifier_idx
    on deadletterentry (processinggroup, sequenceidentifier);
