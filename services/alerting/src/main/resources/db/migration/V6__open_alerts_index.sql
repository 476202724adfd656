-- The open-alerts gauge counts alerts still under review by severity every few seconds: this index keeps that
-- count to the open alerts, however many closed ones the table holds. Its predicate is the gauge's, literally.
CREATE INDEX alert_open_severity ON alert (severity) WHERE status IN ('NEW', 'ACKNOWLEDGED', 'ESCALATED');
