-- Every change of an alert (raise, new evidence, officers' work) takes the next number of alert_sequence, drawn in
-- commit order like a raise (see AlertSequencer). The stream sends an alert again at its stream position when it
-- changes, and a client resumes after the last position it saw; a raise's position is its sequence.
ALTER TABLE alert ADD COLUMN stream_position BIGINT;
UPDATE alert SET stream_position = sequence;
ALTER TABLE alert ALTER COLUMN stream_position SET NOT NULL;
ALTER TABLE alert ADD CONSTRAINT alert_stream_position_unique UNIQUE (stream_position);

-- A webhook subscription names the events it wants: alert.raised (the default), alert.updated (status changes and
-- new evidence). A delivery is one change of one alert, so an alert may be owed several times; alert_sequence is
-- the stream position of that change, which keeps a subscription's deliveries in commit order.
ALTER TABLE subscription ADD COLUMN events JSONB;
UPDATE subscription SET events = '["alert.raised"]' WHERE channel_type = 'WEBHOOK';
ALTER TABLE webhook_delivery ADD COLUMN event VARCHAR(32) NOT NULL DEFAULT 'alert.raised';
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_once;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, alert_sequence);
