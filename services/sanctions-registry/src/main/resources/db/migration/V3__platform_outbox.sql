-- The outbox of chokepoint-platform: one shape in every service (see platform/README.md).
-- The CloudEvents type and subject are fixed per message when it is written; a sent message is kept (sent_at)
-- until the retention has passed instead of being deleted at once; each send is counted and its failure kept.
alter table outbox_message
    alter column topic type text,
    alter column message_key type text,
    alter column ce_id type text,
    add column ce_type text,
    add column ce_subject text,
    add column sent_at timestamptz,
    add column attempts integer not null default 0,
    add column last_error text;

-- Rows still here were never sent (the old relay deleted what the broker acknowledged). Their type was the one
-- configured on their topic's channel; they had no subject, and keep none.
update outbox_message set ce_type = case topic
    when 'sanctions.entities' then 'io.chokepoint.sanctions.entity-changed'
    when 'sanctions.list-versions' then 'io.chokepoint.sanctions.list-version-published'
    when 'screening.results' then 'io.chokepoint.screening.result'
end;
-- The old relay had no channel for any other topic, so no row can be left without a type.
alter table outbox_message alter column ce_type set not null;

create index outbox_message_unsent on outbox_message (id) where sent_at is null;
