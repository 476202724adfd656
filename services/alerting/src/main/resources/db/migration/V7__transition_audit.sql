-- Every request to move an alert (POST /api/v1/alerts/{id}/transitions), applied or refused: who asked, what,
-- when, from which address, and what came of it. A refused request is recorded too (in a transaction of its own,
-- since the move's rolled back), because refusals are what an audit of misuse looks for. Values are kept as the
-- request sent them (cut to the column's length), so the alert id need not name an alert.
CREATE TABLE transition_audit (
    id               BIGSERIAL PRIMARY KEY,
    requested_at     TIMESTAMPTZ  NOT NULL,
    -- The X-Actor header ('anonymous' when absent) until authentication exists ...
    actor            VARCHAR(128) NOT NULL,
    -- ... then the authenticated subject, next to the actor the request claimed.
    subject          VARCHAR(255),
    alert_id         VARCHAR(64)  NOT NULL,
    requested_status VARCHAR(64),
    reason_code      VARCHAR(64),
    if_match         VARCHAR(64),
    -- The client's address as the HTTP server saw it: the peer of the connection, or the first X-Forwarded-For
    -- address only when quarkus.http.proxy.proxy-address-forwarding is on.
    remote_address   VARCHAR(128) NOT NULL,
    outcome          VARCHAR(16)  NOT NULL CHECK (outcome IN ('APPLIED', 'REFUSED', 'FAILED')),
    http_status      INTEGER      NOT NULL,
    -- Where the alert stood before an applied move.
    from_status      VARCHAR(16),
    message          TEXT
);
CREATE INDEX transition_audit_newest ON transition_audit (requested_at DESC, id DESC);
CREATE INDEX transition_audit_alert ON transition_audit (alert_id, requested_at DESC, id DESC);
CREATE INDEX transition_audit_actor ON transition_audit (actor, requested_at DESC, id DESC);

-- Append-only. A trigger, not REVOKE: the service connects as the owner of its schema, and an owner may always
-- grant itself back whatever it revoked, while a trigger refuses every role's UPDATE, DELETE and TRUNCATE, the
-- owner's included. Statement-level, so that even a statement touching no row is refused. (Disabling the trigger
-- takes an ALTER TABLE, a deliberate act rather than a slip of the service or of a script run with its role.)
CREATE FUNCTION transition_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'transition_audit is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER transition_audit_no_update_delete
    BEFORE UPDATE OR DELETE ON transition_audit
    FOR EACH STATEMENT EXECUTE FUNCTION transition_audit_append_only();

CREATE TRIGGER transition_audit_no_truncate
    BEFORE TRUNCATE ON transition_audit
    FOR EACH STATEMENT EXECUTE FUNCTION transition_audit_append_only();
