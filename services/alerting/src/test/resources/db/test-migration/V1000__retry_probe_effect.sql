-- Tests only: the effect of RetryProbeConsumer's handler, one row per probe an attempt handled; a failed attempt's
-- rows must be rolled back with it.
create table retry_probe_effect (
    probe_id text not null
);
