-- Lifecycle: who works on an alert, why it was closed, and a version so that two officers cannot silently
-- overwrite each other. The sequence numbers alerts in the order their transactions commit (see AlertSequencer):
-- it is the id of the Server-Sent Events stream, so that a client resumes exactly after the last alert it saw.
ALTER TABLE alert
    ADD COLUMN version             BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN sequence            BIGINT,
    ADD COLUMN origin_country      VARCHAR(8),
    ADD COLUMN destination_country VARCHAR(8),
    ADD COLUMN assignee            VARCHAR(128),
    ADD COLUMN status_changed_at   TIMESTAMPTZ,
    ADD COLUMN status_changed_by   VARCHAR(128),
    ADD COLUMN reason_code         VARCHAR(32),
    ADD COLUMN reason_text         TEXT;

CREATE SEQUENCE alert_sequence;

-- Alerts raised before this version are numbered in the order they were raised.
UPDATE alert SET sequence = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY raised_at, id) AS n FROM alert) numbered
WHERE alert.id = numbered.id;
SELECT setval('alert_sequence', (SELECT coalesce(max(sequence), 0) + 1 FROM alert), false);
ALTER TABLE alert ALTER COLUMN sequence SET NOT NULL;
ALTER TABLE alert ADD CONSTRAINT alert_sequence_unique UNIQUE (sequence);

-- Their route, from the latest assessment of their shipment.
UPDATE alert SET origin_country = latest.payload -> 'route' ->> 'originCountry',
                 destination_country = latest.payload -> 'route' ->> 'destinationCountry'
FROM (SELECT DISTINCT ON (shipment_id) shipment_id, payload
      FROM shipment_assessment ORDER BY shipment_id, revision DESC) latest
WHERE alert.shipment_id = latest.shipment_id;

-- History entries of people's work: who, which move, why, and what they wrote.
ALTER TABLE alert_event
    ADD COLUMN actor       VARCHAR(128),
    ADD COLUMN from_status VARCHAR(16),
    ADD COLUMN to_status   VARCHAR(16),
    ADD COLUMN reason_code VARCHAR(32),
    ADD COLUMN reason_text TEXT,
    ADD COLUMN note        TEXT,
    ADD COLUMN assignee    VARCHAR(128);

-- A party name that an officer found not to be the sanctioned entity it matched (a false positive), published on
-- alerts.suppressions so that sanctions-registry stops matching that name to that entity. Lifting keeps the row.
CREATE TABLE party_suppression (
    id              UUID PRIMARY KEY,
    alert_id        UUID         NOT NULL REFERENCES alert (id),
    entity_id       VARCHAR(128) NOT NULL,
    party_name      TEXT         NOT NULL,
    normalized_name TEXT         NOT NULL,
    reason_text     TEXT,
    active          BOOLEAN      NOT NULL,
    created_by      VARCHAR(128) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    lifted_by       VARCHAR(128),
    lifted_at       TIMESTAMPTZ,
    lift_reason     TEXT
);
-- One standing suppression per alert; several alerts may suppress the same (entity, name).
CREATE UNIQUE INDEX party_suppression_active_alert ON party_suppression (alert_id) WHERE active;
CREATE INDEX party_suppression_active_key ON party_suppression (entity_id, normalized_name) WHERE active;

-- A team's wish to hear about some alerts, by webhook or on the stream. Deleting keeps the row (and its
-- deliveries) for the record; the secret signs webhook bodies and is never answered back.
CREATE TABLE subscription (
    id           UUID PRIMARY KEY,
    team         VARCHAR(128) NOT NULL,
    filter       JSONB        NOT NULL,
    channel_type VARCHAR(16)  NOT NULL,
    url          TEXT,
    secret       TEXT,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(128) NOT NULL,
    deleted_at   TIMESTAMPTZ,
    deleted_by   VARCHAR(128)
);
CREATE INDEX subscription_live ON subscription (channel_type) WHERE deleted_at IS NULL;

-- One alert owed to one webhook subscription, written in the transaction that raised the alert. A subscription's
-- deliveries go out one at a time in alert sequence order; a parked one holds back those after it.
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    subscription_id  UUID         NOT NULL REFERENCES subscription (id),
    alert_id         UUID         NOT NULL REFERENCES alert (id),
    alert_sequence   BIGINT       NOT NULL,
    body             TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    failures         INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ  NOT NULL,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    lease_until      TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    parked_at        TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    resent_at        TIMESTAMPTZ,
    resent_by        VARCHAR(128),
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, alert_id)
);
CREATE INDEX webhook_delivery_queue ON webhook_delivery (subscription_id, alert_sequence)
    WHERE status IN ('PENDING', 'PARKED');
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, created_at DESC);

-- Every attempt to send a delivery: when, how long, what the receiver answered or why it could not be reached.
CREATE TABLE webhook_attempt (
    id          BIGSERIAL PRIMARY KEY,
    delivery_id UUID        NOT NULL REFERENCES webhook_delivery (id),
    attempt     INTEGER     NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    duration_ms BIGINT      NOT NULL,
    status_code INTEGER,
    error       TEXT,
    outcome     VARCHAR(16) NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempt);
