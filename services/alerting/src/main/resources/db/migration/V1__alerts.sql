-- Events already handled by a consumer: a redelivered event finds its id here and has no second effect.
CREATE TABLE processed_event (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(128) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Every assessment revision of a shipment: a screening result is evaluated with the revision it screened.
CREATE TABLE shipment_assessment (
    shipment_id      VARCHAR(128) NOT NULL,
    revision         INTEGER      NOT NULL,
    event_id         VARCHAR(128) NOT NULL,
    declaration_id   VARCHAR(128),
    reporting_agency VARCHAR(64),
    assessed_at      TIMESTAMPTZ,
    received_at      TIMESTAMPTZ  NOT NULL,
    payload          JSONB        NOT NULL,
    PRIMARY KEY (shipment_id, revision)
);

-- Every screening result received, kept so that an assessment arriving later can still be evaluated with it.
CREATE TABLE screening_result (
    event_id       VARCHAR(128) PRIMARY KEY,
    shipment_id    VARCHAR(128) NOT NULL,
    revision       INTEGER      NOT NULL,
    list_version   VARCHAR(128),
    late           BOOLEAN      NOT NULL,
    screened_at    TIMESTAMPTZ,
    received_at    TIMESTAMPTZ  NOT NULL,
    payload        JSONB        NOT NULL
);
CREATE INDEX screening_result_shipment_revision ON screening_result (shipment_id, revision);

CREATE TABLE alert (
    id                 UUID PRIMARY KEY,
    shipment_id        VARCHAR(128) NOT NULL,
    type               VARCHAR(64)  NOT NULL,
    party_role         VARCHAR(32)  NOT NULL,
    entity_id          VARCHAR(128) NOT NULL,
    severity           VARCHAR(16)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    raised_at          TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    late               BOOLEAN      NOT NULL,
    declaration_id     VARCHAR(128),
    reporting_agency   VARCHAR(64),
    party_name         TEXT,
    party_country      VARCHAR(8),
    entity_source      VARCHAR(32),
    entity_source_id   VARCHAR(128),
    entity_name        TEXT,
    entity_programs    JSONB        NOT NULL,
    matched_name       TEXT,
    match_explanation  TEXT,
    goods              JSONB        NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    list_version       VARCHAR(128),
    evidence_at        TIMESTAMPTZ,
    explanation        TEXT         NOT NULL,
    -- One alert per finding: redelivered events and repeated results update it, never duplicate it.
    CONSTRAINT alert_finding UNIQUE (shipment_id, type, party_role, entity_id)
);
CREATE INDEX alert_raised_at ON alert (raised_at DESC, id DESC);
CREATE INDEX alert_declaration ON alert (declaration_id);

-- What happened to an alert and when: raised, then each piece of new evidence.
CREATE TABLE alert_event (
    id                 BIGSERIAL PRIMARY KEY,
    alert_id           UUID         NOT NULL REFERENCES alert (id),
    kind               VARCHAR(32)  NOT NULL,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    summary            TEXT         NOT NULL,
    changes            JSONB,
    screening_event_id VARCHAR(128)
);
CREATE INDEX alert_event_alert ON alert_event (alert_id, id);

-- Messages written in the same transaction as the alert, relayed to Kafka afterwards.
CREATE TABLE outbox_message (
    id          BIGSERIAL PRIMARY KEY,
    ce_id       UUID         NOT NULL UNIQUE,
    topic       VARCHAR(128) NOT NULL,
    message_key VARCHAR(128) NOT NULL,
    payload     JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_message_unsent ON outbox_message (id) WHERE sent_at IS NULL;
