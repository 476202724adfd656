-- A shipment's current state is merged from all its events (see EventMerge); cancellation is kept apart from the
-- status so that it is never undone by a later event.
alter table shipment
    add column state        jsonb,
    add column cancelled_at timestamptz;

-- Which assessment revision an event produced; null when it changed nothing that is assessed.
alter table shipment_event add column assessment_revision integer;
update shipment_event e set assessment_revision = a.revision
from assessment a where a.source_event_id = e.event_id;

-- The from/to filter looks for shipments with an event that occurred in the period.
create index shipment_event_occurred_at_idx on shipment_event (occurred_at, shipment_id);

-- Countries a shipment touches (parties, origin, destination), rewritten when its state changes.
create table shipment_country (
    shipment_id uuid    not null references shipment (id),
    country     varchar(2) not null,
    primary key (shipment_id, country)
);
create index shipment_country_country_idx on shipment_country (country, shipment_id);

-- Catalog items in a shipment's latest assessment, rewritten with each new assessment.
create table shipment_substance (
    shipment_id uuid not null references shipment (id),
    item_code   text not null,
    primary key (shipment_id, item_code)
);
create index shipment_substance_item_code_idx on shipment_substance (item_code, shipment_id);

-- Shipments recorded before this version: their latest assessment says what they touch and carry.
insert into shipment_country (shipment_id, country)
select distinct a.shipment_id, c.country
from assessment a
join shipment s on s.id = a.shipment_id and s.last_revision = a.revision
cross join lateral (
    select p ->> 'country' as country from jsonb_array_elements(coalesce(a.payload -> 'parties', '[]'::jsonb)) p
    union select a.payload #>> '{route,originCountry}'
    union select a.payload #>> '{route,destinationCountry}'
) c
where c.country is not null and length(c.country) = 2;

insert into shipment_substance (shipment_id, item_code)
select distinct a.shipment_id, g #>> '{classification,itemCode}'
from assessment a
join shipment s on s.id = a.shipment_id and s.last_revision = a.revision
cross join lateral jsonb_array_elements(coalesce(a.payload -> 'goods', '[]'::jsonb)) g
where g #>> '{classification,itemCode}' is not null;

-- Exporter-consignee pairs and the shipment that first paired them (the first-time trading pair indicator).
-- Keys are party names reduced to letters and digits, a bar, and the party's country.
create table trading_pair (
    exporter_key      text        not null,
    consignee_key     text        not null,
    first_shipment_id uuid        not null references shipment (id),
    first_seen_at     timestamptz not null,
    primary key (exporter_key, consignee_key)
);
