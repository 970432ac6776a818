-- Right to erasure (POST /api/v1/leads/{id}/erase). An erased lead keeps its id, status, stage times, fit, team,
-- owner, country and clocks, so every report figure stays as it was; its company, contact and custom attributes are
-- emptied, and its external id becomes the unique tombstone 'erased:<id>', so (source, external_id) stays unique and
-- a later push of the same external id creates a new lead. Erasure is rare and runs by primary key or by the indexes
-- it already has (alerts_lead, lead_events_lead, lead_touches_page, audit_events_resource); the one scan, of the
-- events feed (35 days) by lead_id, is deliberately not indexed, so that the hot event append stays one index cheaper.
alter table leads add column erased_at timestamptz;
