-- Suppressions come from alerting's dismissals (alerts.suppressions): one row per key of that topic,
-- "<entityId>|<declared name key>", holding the key's last state, standing (active) or lifted. Two keys may
-- share a party_name_key (spelling variants of one name), so that pair is no longer unique.
alter table screening_suppression
    drop constraint uq_suppression,
    add column suppression_key   text,
    add column party_name        text,
    add column declared_name_key text,
    add column active            boolean not null default true,
    add column alert_id          text,
    add column event_id          text,
    add column changed_at        timestamptz;
-- Rows from before keep their registry key; the name as declared is unknown to them.
update screening_suppression set suppression_key = entity_id || '|' || party_name_key, changed_at = created_at;
alter table screening_suppression
    alter column suppression_key set not null,
    alter column changed_at set not null;
create unique index uq_suppression_key on screening_suppression (suppression_key);
