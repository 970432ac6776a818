-- Leads, their touches and their lifecycle history.
--
-- Intake is idempotent by (source, external_id): one row per lead, written with
-- insert ... on conflict (source, external_id) do update. Attributes are validated JSON objects kept as text (like
-- calendar hours); the country used by SLA policy conditions is copied out of company.country at intake.
create table leads (
    id            uuid primary key,
    source        text        not null,
    external_id   text        not null,
    status        text        not null check (status in
                      ('new', 'mql', 'accepted', 'qualified', 'won', 'lost', 'rejected', 'recycled')),
    company       text        not null,
    contact       text        not null,
    custom        text        not null,
    country       text,
    owner_id      text,
    team_key      text references teams (key),
    -- The best fit among the active ICPs; re-evaluated while the lead is new or recycled, frozen at hand-off.
    fit_icp_key   text,
    fit_version   integer,
    fit_score     integer,
    fit_tier      text,
    fit_qualified boolean,
    -- The current hand-off (a new id each time the lead is handed off) and when it happened.
    handoff_id    uuid,
    handed_off_at timestamptz,
    reject_reason text check (reject_reason in
                      ('not_icp_fit', 'bad_contact_data', 'duplicate', 'no_budget', 'no_authority', 'competitor', 'other')),
    reject_note   text,
    outcome       text check (outcome in ('won', 'lost')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    constraint leads_source_external_id unique (source, external_id)
);
-- Listing: creation order, alone or after one equality filter; the unique key above serves intake.
create index leads_page on leads (created_at, id);
create index leads_status on leads (status, created_at, id);
create index leads_owner on leads (owner_id, created_at, id) where owner_id is not null;
create index leads_team on leads (team_key, created_at, id) where team_key is not null;
create index leads_source on leads (source, created_at, id);
create index leads_fit_icp on leads (fit_icp_key, fit_tier, created_at, id) where fit_icp_key is not null;
create index leads_fit_tier on leads (fit_tier, created_at, id) where fit_tier is not null;
create index leads_handed_off on leads (handed_off_at) where handed_off_at is not null;

create table lead_touches (
    id          uuid primary key,
    lead_id     uuid        not null references leads (id),
    kind        text        not null check (kind in ('call', 'email', 'meeting', 'social', 'other')),
    occurred_at timestamptz not null,
    actor_id    text        not null,
    note        text,
    created_at  timestamptz not null,
    created_by  text        not null
);
-- Listing a lead's touches, and the touches since a hand-off (SLA first_touch and attempts).
create index lead_touches_page on lead_touches (lead_id, created_at, id);
create index lead_touches_occurred on lead_touches (lead_id, occurred_at);

-- What happened to a lead: hand-offs, decisions, assignments. Read for the lead's SLA timeline.
create table lead_events (
    id      uuid primary key,
    lead_id uuid        not null references leads (id),
    at      timestamptz not null,
    kind    text        not null,
    actor   text        not null,
    summary text        not null
);
create index lead_events_lead on lead_events (lead_id, at, id);
