-- Sagas and their associations (JdbcSagaStore), as PostgresSagaSqlSchema of Axon 4.13 creates them,
-- plus the two lookups the saga store runs on every event.
create table sagaentry (
    sagaid         varchar(255) not null,
    revision       varchar(255),
    sagatype       varchar(255),
    serializedsaga bytea,
    primary key (sagaid)
);

create table associationvalueentry (
    id               bigserial not null,
    associationkey   varchar(255),
    associationvalue varchar(255),
    sagaid           varchar(255),
    sagatype         varchar(255),
    primary key (id)
);

create index associationvalueentry_sagatype_key_value_idx
    on associationvalueentry (sagatype, associationkey, associationvalue);
create index associationvalueentry_sagaid_sagatype_idx
    on associationvalueentry (sagaid, sagatype);
