-- A batch of events writes its shipment_event rows in one JDBC batch at its end, after the assessments that cite
-- them: the assessment's reference to its source event is checked at commit.
alter table assessment alter constraint assessment_source_event_id_fkey deferrable initially deferred;
