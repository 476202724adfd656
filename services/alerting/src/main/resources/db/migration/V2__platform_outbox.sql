-- The outbox of chokepoint-platform: one shape in every service (see platform/README.md).
-- The payload is kept as the text the writer serialized (null would be a tombstone); the CloudEvents type and
-- subject are fixed per message when it is written; each send is counted and its failure kept.
-- ce_id is no longer unique: a service may re-emit a stored event with its original id.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_ce_id_key;
ALTER TABLE outbox_message
    ALTER COLUMN ce_id TYPE TEXT USING ce_id::text,
    ALTER COLUMN topic TYPE TEXT,
    ALTER COLUMN message_key TYPE TEXT,
    ALTER COLUMN payload TYPE TEXT USING payload::text,
    ALTER COLUMN payload DROP NOT NULL,
    ADD COLUMN ce_type TEXT,
    ADD COLUMN ce_subject TEXT,
    ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT;

-- Messages written before this version went out as alerts.raised records with the alert id as subject.
UPDATE outbox_message SET ce_type = 'io.chokepoint.alert.raised', ce_subject = message_key;
ALTER TABLE outbox_message ALTER COLUMN ce_type SET NOT NULL;
