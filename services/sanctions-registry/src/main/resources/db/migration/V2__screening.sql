-- A (party name, entity) pair dismissed as a false positive: that entity is no longer reported for that name.
-- party_name_key is the normalised, order-free key of the party's name (see NameNormalizer#key).
create table screening_suppression (
    id             bigserial primary key,
    party_name_key text         not null,
    entity_id      uuid         not null,
    reason         text,
    actor          varchar(200) not null,
    created_at     timestamptz  not null,
    constraint uq_suppression unique (party_name_key, entity_id)
);

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- The screening result of each assessment, re-emitted as is when the assessment is redelivered.
create table screening_result (
    assessment_event_id varchar(100) primary key,
    result_event_id     varchar(100) not null unique,
    shipment_id         varchar(100) not null,
    revision            integer      not null,
    list_version        varchar(32),
    screened_at         timestamptz  not null,
    payload             jsonb        not null
);
create index ix_screening_result_shipment on screening_result (shipment_id);

-- Every screened party, so that a rescreen after a list change can find the parties of recent shipments.
create table screened_party (
    id                  bigserial primary key,
    shipment_id         varchar(100) not null,
    assessment_event_id varchar(100) not null,
    role                varchar(32)  not null,
    name                text         not null,
    name_key            text         not null,
    country             varchar(8),
    screened_at         timestamptz  not null
);
create index ix_screened_party_at on screened_party (screened_at);
create index ix_screened_party_shipment on screened_party (shipment_id);
