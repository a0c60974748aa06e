-- Tracking tokens of the streaming event processors (JdbcTokenStore, default TokenSchema),
-- as PostgresTokenTableFactory of Axon 4.13 creates it.
create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);
