-- Marketing commitments, and what the reports need to answer in SQL without loading rows into memory: the time a lead
-- entered each stage, its first touch since hand-off and its SLA policy on the lead; the lead's source and ICP on its
-- clocks; the business time a met clock took. The lead and SLA code does not know these columns: triggers keep them,
-- so no write path (intake, lifecycle actions, touches, a manual fix in SQL) can forget them.

-- ------------------------------------------------------------------------------------------------ commitments

create table commitments (
    id             uuid primary key,
    key            text        not null unique,
    name           text        not null,
    -- The marketing team that made the promise (alerts carry it, so webhooks filtered by team reach it).
    team_key       text        not null references teams (key),
    period         text        not null check (period in ('week', 'month', 'quarter')),
    -- The calendar's zone sets the period boundaries; its business hours pace the projection. Deleting a calendar or
    -- a team a commitment uses fails (23503: 409 in-use).
    calendar_id    uuid        not null references calendars (id),
    calendar_key   text        not null,
    metric         text        not null check (metric in ('handed_off', 'accepted')),
    min_tier       text,
    icp_key        text references icps (key),
    target         integer     not null check (target > 0),
    starts_on      date        not null,
    -- The checker has raised met/missed for every period that ended at or before this instant.
    closed_through timestamptz not null,
    -- When a replica should check it next (claimed with FOR UPDATE SKIP LOCKED).
    next_check_at  timestamptz not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0
);
create index commitments_page on commitments (created_at, id);
create index commitments_due on commitments (next_check_at);
-- Foreign-key checks when a calendar, team or ICP is deleted.
create index commitments_calendar on commitments (calendar_id);
create index commitments_team on commitments (team_key);
create index commitments_icp on commitments (icp_key) where icp_key is not null;

-- A tier's position in an ICP version's tier list (1 = the highest tier), or null if the version has no such tier.
-- Tier order within an ICP is the order of its version's list (highest minScore first).
create function accord_tier_rank(definition jsonb, label text) returns integer
    language sql immutable parallel safe as $$
    select t.ord::integer
    from jsonb_array_elements(definition -> 'tiers') with ordinality as t(tier, ord)
    where t.tier ->> 'label' = label
    limit 1
$$;


-- ------------------------------------------------------------------------------------------------ leads

alter table leads
    add column accepted_at    timestamptz,
    add column qualified_at   timestamptz,
    add column closed_at      timestamptz,
    add column rejected_at    timestamptz,
    add column recycled_at    timestamptz,
    -- The first touch that happened at or after the current hand-off.
    add column first_touch_at timestamptz,
    -- The SLA policy whose clocks the current hand-off started (null: no policy matched).
    add column sla_policy_key text;

-- Backfill from the lifecycle events (the last time the lead entered each stage) and the touches.
update leads l set
    accepted_at  = e.accepted_at,
    qualified_at = e.qualified_at,
    closed_at    = e.closed_at,
    rejected_at  = e.rejected_at,
    recycled_at  = e.recycled_at
from (select lead_id,
             max(at) filter (where kind = 'accept')  as accepted_at,
             max(at) filter (where kind = 'qualify') as qualified_at,
             max(at) filter (where kind = 'close')   as closed_at,
             max(at) filter (where kind = 'reject')  as rejected_at,
             max(at) filter (where kind = 'recycle') as recycled_at
      from lead_events group by lead_id) e
where e.lead_id = l.id;

update leads l set first_touch_at = (select min(t.occurred_at) from lead_touches t
                                     where t.lead_id = l.id and t.occurred_at >= l.handed_off_at)
where l.handed_off_at is not null;

update leads l set sla_policy_key = (select c.policy_key from sla_clocks c
                                     where c.lead_id = l.id and c.handoff_id = l.handoff_id limit 1)
where l.handoff_id is not null;

-- A lead's stage times. The application writes updated_at with its clock in the same statement that changes the
-- status, so updated_at is the moment of the change. On a (new) hand-off the first touch is looked up again and the
-- policy is cleared until the new clocks set it.
create function leads_track_stages() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status then
        case new.status
            when 'accepted' then new.accepted_at := case when tg_op = 'INSERT' then coalesce(new.accepted_at, new.updated_at) else new.updated_at end;
            when 'qualified' then new.qualified_at := case when tg_op = 'INSERT' then coalesce(new.qualified_at, new.updated_at) else new.updated_at end;
            when 'won', 'lost' then new.closed_at := case when tg_op = 'INSERT' then coalesce(new.closed_at, new.updated_at) else new.updated_at end;
            when 'rejected' then new.rejected_at := case when tg_op = 'INSERT' then coalesce(new.rejected_at, new.updated_at) else new.updated_at end;
            when 'recycled' then new.recycled_at := case when tg_op = 'INSERT' then coalesce(new.recycled_at, new.updated_at) else new.updated_at end;
            else null;
        end case;
    end if;
    if tg_op = 'UPDATE' and new.handoff_id is not null and new.handoff_id is distinct from old.handoff_id then
        new.first_touch_at := (select min(t.occurred_at) from lead_touches t
                               where t.lead_id = new.id and t.occurred_at >= new.handed_off_at);
        new.sla_policy_key := null;
    end if;
    return new;
end;
$$;

create trigger leads_track_stages
    before insert or update of status, handoff_id on leads
    for each row execute function leads_track_stages();

-- Commitments count lifecycle events in a period: hand-offs and acceptances of leads of some ICP and tier. Each event
-- records the lead's fit when it happened (frozen from hand-off on), so counting reads one index and never the leads.
alter table lead_events
    add column fit_icp_key text,
    add column fit_version integer,
    add column fit_tier    text;

update lead_events e set fit_icp_key = l.fit_icp_key, fit_version = l.fit_version, fit_tier = l.fit_tier
from leads l where l.id = e.lead_id;

create function lead_events_copy_fit() returns trigger language plpgsql as $$
begin
    select l.fit_icp_key, l.fit_version, l.fit_tier into new.fit_icp_key, new.fit_version, new.fit_tier
    from leads l where l.id = new.lead_id;
    return new;
end;
$$;

create trigger lead_events_copy_fit
    before insert on lead_events
    for each row execute function lead_events_copy_fit();

create index lead_events_kind_at on lead_events (kind, at) include (lead_id, fit_icp_key, fit_version, fit_tier);

-- A touch at or after the hand-off that is earlier than the known first touch becomes the first touch.
create function lead_touches_first_touch() returns trigger language plpgsql as $$
begin
    update leads set first_touch_at = new.occurred_at
    where id = new.lead_id and handed_off_at is not null and handed_off_at <= new.occurred_at
      and (first_touch_at is null or first_touch_at > new.occurred_at);
    return null;
end;
$$;

create trigger lead_touches_first_touch
    after insert on lead_touches
    for each row execute function lead_touches_first_touch();

-- Speed to lead in whole seconds, for sorting as integers (stored generated columns are computed after the triggers).
alter table leads add column first_touch_seconds integer
    generated always as (floor(extract(epoch from first_touch_at - handed_off_at))::integer) stored;

-- Reports by hand-off window (speed to lead, fit vs outcome) use leads_handed_off; the funnel uses leads_page
-- (created_at); the digest's weekly figures use these.
create index leads_rejected_at on leads (rejected_at) where rejected_at is not null;
create index leads_closed_at on leads (closed_at) where closed_at is not null;

-- ------------------------------------------------------------------------------------------------ SLA clocks

alter table sla_clocks
    add column source                  text,
    add column icp_key                 text,
    -- Business seconds on the policy calendar from start to met; computed by the application (ClockDurations) right
    -- after the clock is met, as a trigger cannot run the calendar engine.
    add column business_seconds_to_met bigint;

-- Wall time to met in whole seconds, for sorting as integers.
alter table sla_clocks add column wall_seconds_to_met integer
    generated always as (floor(extract(epoch from met_at - started_at))::integer) stored;

update sla_clocks c set source = l.source, icp_key = l.fit_icp_key from leads l where l.id = c.lead_id;

-- A clock copies the lead's source and ICP when it starts (it already copies owner, team and tier).
create function sla_clocks_copy_lead() returns trigger language plpgsql as $$
begin
    select l.source, l.fit_icp_key into new.source, new.icp_key from leads l where l.id = new.lead_id;
    return new;
end;
$$;

create trigger sla_clocks_copy_lead
    before insert on sla_clocks
    for each row execute function sla_clocks_copy_lead();

-- The lead records the policy of the clocks its current hand-off started.
create function sla_clocks_policy_to_lead() returns trigger language plpgsql as $$
begin
    update leads l set sla_policy_key = c.policy_key
    from (select distinct on (lead_id) lead_id, handoff_id, policy_key from started order by lead_id) c
    where l.id = c.lead_id and l.handoff_id = c.handoff_id and l.sla_policy_key is distinct from c.policy_key;
    return null;
end;
$$;

create trigger sla_clocks_policy_to_lead
    after insert on sla_clocks
    referencing new table as started
    for each statement execute function sla_clocks_policy_to_lead();

-- The met clocks whose business time is still to be computed.
create index sla_clocks_business_pending on sla_clocks (met_at) where status = 'met' and business_seconds_to_met is null;
