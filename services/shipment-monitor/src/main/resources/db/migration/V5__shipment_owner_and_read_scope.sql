-- A shipment's reporting_agency is now its owner: the agency of its first EXPORT_DECLARED event, or while it has none
-- the agency of its first event (which is what the column held until now).
update shipment s
set reporting_agency = d.reporting_agency
from (
    select distinct on (shipment_id) shipment_id, reporting_agency
    from shipment_event
    where event_type = 'EXPORT_DECLARED'
    order by shipment_id, id
) d
where d.shipment_id = s.id and s.reporting_agency <> d.reporting_agency;

-- A partner reads the shipments its agency reported an event of: an EXISTS on the events by agency and shipment.
create index shipment_event_agency_idx on shipment_event (reporting_agency, shipment_id);
