-- Rescreening after a list change: what a shipment screening must keep to be screened again, what a rescreen
-- published, and which list versions have been rescreened.

-- The identifiers declared with a party, so that a rescreen asks exactly what the first screening asked.
-- Parties screened before keep none.
alter table screened_party add column identifiers jsonb not null default '[]';
create index ix_screened_party_assessment on screened_party (assessment_event_id);

-- Each late result a rescreen published: its matches count as matched before for the next rescreen.
create table late_screening_result (
    event_id            varchar(100) primary key,
    list_version        varchar(32)  not null,
    shipment_id         varchar(100) not null,
    assessment_event_id varchar(100) not null,
    screened_at         timestamptz  not null,
    payload             jsonb        not null
);
create index ix_late_screening_result_assessment on late_screening_result (assessment_event_id);

-- One row per list version whose rescreen is done, written in the transaction of its late results' outbox rows.
create table list_version_rescreen (
    list_version varchar(32) primary key references list_version (id),
    seq          bigint      not null,
    shipments    integer     not null,
    parties      integer     not null,
    late_results integer     not null,
    done_at      timestamptz not null
);
-- Versions committed before rescreening existed count as done: rescreening them now would present list changes
-- of weeks ago as news.
insert into list_version_rescreen (list_version, seq, shipments, parties, late_results, done_at)
    select id, seq, 0, 0, 0, created_at from list_version;
