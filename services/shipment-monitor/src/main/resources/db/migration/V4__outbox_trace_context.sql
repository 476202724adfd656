-- The outbox of chokepoint-platform (see platform/README.md): each message keeps the W3C trace context of the span
-- that wrote it, so that the record the relay sends later continues that trace. Null for messages written outside
-- any span, and for those written before this version.
alter table outbox_message
    add column trace_parent text,
    add column trace_state  text;
