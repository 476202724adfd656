-- The outbox of chokepoint-platform: one shape in every service (see platform/README.md).
-- The payload is kept as the text the writer serialized (null would be a tombstone), and the CloudEvents type is
-- fixed per message when it is written.
alter table outbox_message
    alter column payload type text using payload::text,
    alter column payload drop not null,
    add column ce_type text;

-- Messages written before this version all went out as shipments.assessed records.
update outbox_message set ce_type = 'io.chokepoint.shipment.assessed';
alter table outbox_message alter column ce_type set not null;

alter index outbox_message_pending_idx rename to outbox_message_unsent;
