-- Sanctioned entities. Collections are jsonb: they are always read and written with their entity,
-- never queried on their own, and importers replace them wholesale.
create table sanctioned_entity (
    id           uuid primary key,
    source       varchar(32)  not null,
    source_id    varchar(128) not null,
    type         varchar(16)  not null,
    name         text         not null,
    aliases      jsonb        not null default '[]',
    countries    jsonb        not null default '[]',
    addresses    jsonb        not null default '[]',
    identifiers  jsonb        not null default '[]',
    programs     jsonb        not null default '[]',
    remarks      text,
    listed_on    date,
    status       varchar(16)  not null,
    delisted_at  timestamptz,
    list_version varchar(32),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    revision     bigint       not null default 0,
    constraint uq_entity_source_id unique (source, source_id)
);
create index ix_entity_status on sanctioned_entity (status);
create index ix_entity_name_lower on sanctioned_entity (lower(name));

-- Manual entries get their sourceId from this sequence (MAN-000001, ...).
create sequence manual_source_id_seq start with 1;

-- One row: the last list version issued. Updating it locks it until commit, so list versions are
-- issued one at a time and in commit order.
create table list_version_counter (
    id       smallint primary key,
    last_seq bigint not null,
    day      date,
    day_seq  integer not null
);
insert into list_version_counter (id, last_seq, day, day_seq) values (1, 0, null, 0);

create table list_version (
    id          varchar(32) primary key,
    seq         bigint       not null unique,
    source      varchar(32)  not null,
    actor       varchar(200) not null,
    description text,
    created_at  timestamptz  not null,
    added       integer      not null,
    changed     integer      not null,
    removed     integer      not null
);

create table audit_entry (
    id           bigserial primary key,
    at           timestamptz  not null,
    actor        varchar(200) not null,
    action       varchar(16)  not null,
    entity_id    uuid         not null,
    list_version varchar(32)  not null,
    before       jsonb,
    after        jsonb
);
create index ix_audit_entity on audit_entry (entity_id, id);

-- Events waiting for Kafka, relayed in id order (see OutboxRelay). A null payload is a tombstone.
create table outbox_message (
    id          bigserial primary key,
    topic       varchar(200) not null,
    message_key varchar(200) not null,
    payload     text,
    ce_id       varchar(100) not null,
    created_at  timestamptz  not null
);
