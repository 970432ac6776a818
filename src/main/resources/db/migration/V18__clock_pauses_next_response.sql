-- Holds (pause and resume) and the recurring next_response milestone (issue 17).

-- ------------------------------------------------------------------------------------------------ leads (lead)

-- The lead's current hold: set by POST /leads/{id}/hold, cleared by /resume. A hold with hold_until in the past has
-- ended by itself (the breach detector resumes the clocks at exactly that instant).
alter table leads
    add column hold_reason text,
    add column held_at     timestamptz,
    add column hold_until  timestamptz,
    add constraint leads_hold check ((held_at is null) = (hold_reason is null)
                                     and (hold_until is null or (held_at is not null and hold_until > held_at)));

-- What the prospect wrote (POST /leads/{id}/inbound): the lead feature stores it; a message may start a
-- next_response clock cycle.
create table lead_inbound_messages (
    id          uuid primary key,
    lead_id     uuid        not null references leads (id),
    channel     text        not null check (channel in ('email', 'call', 'chat', 'form', 'social', 'other')),
    occurred_at timestamptz not null,
    -- The next_response cycle the message started, if any.
    started_cycle integer,
    created_at  timestamptz not null,
    created_by  text        not null
);
create index lead_inbound_messages_lead on lead_inbound_messages (lead_id, occurred_at, id);

-- ------------------------------------------------------------------------------------------------ sla_clocks (sla)

alter table sla_clocks drop constraint sla_clocks_status_check;
alter table sla_clocks add constraint sla_clocks_status_check
    check (status in ('running', 'met', 'breached', 'cancelled', 'paused'));
alter table sla_clocks drop constraint sla_clocks_milestone_check;
alter table sla_clocks add constraint sla_clocks_milestone_check
    check (milestone in ('first_touch', 'decision', 'attempts', 'qualification', 'next_response'));

alter table sla_clocks
    -- The cycle of a recurring milestone (next_response: 1, 2, ... per hand-off); 1 for the others.
    add column cycle                 integer not null default 1,
    -- While paused: when the hold ends by itself (null: until resumed).
    add column resume_at             timestamptz,
    -- How many holds paused the clock, and the business time (on its calendar) and wall time they took, closed
    -- pauses only; the reports subtract them.
    add column pauses                integer not null default 0,
    add column paused_seconds        bigint  not null default 0,
    add column paused_wall_seconds   bigint  not null default 0;

-- Wall time to met excludes the paused time.
alter table sla_clocks drop column wall_seconds_to_met;
alter table sla_clocks add column wall_seconds_to_met integer
    generated always as (floor(extract(epoch from met_at - started_at))::integer - paused_wall_seconds::integer) stored;

-- At most one live clock per lead and milestone (a paused one is live); for next_response: one live cycle.
drop index sla_clocks_live;
create unique index sla_clocks_live on sla_clocks (lead_id, milestone) where status in ('running', 'breached', 'paused');

-- The breach detector resumes holds whose end has come: paused clocks by resume_at.
create index sla_clocks_resume_due on sla_clocks (resume_at) where status = 'paused' and resume_at is not null;

-- Each pause of a clock: [started_at, ended_at); ended_at null while it lasts.
create table sla_clock_pauses (
    clock_id   uuid        not null references sla_clocks (id),
    started_at timestamptz not null,
    ended_at   timestamptz,
    until      timestamptz,
    reason     text        not null,
    primary key (clock_id, started_at),
    check (ended_at is null or ended_at > started_at)
);

-- A clock that leaves running, breached or paused for met or cancelled is checked at once, so its open alerts
-- resolve themselves (V8, with paused).
create or replace function sla_clocks_schedule_check() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status = 'running' and new.next_check_at is null then
            new.next_check_at := coalesce(new.warn_at, new.due_at);
        end if;
    elsif new.status in ('met', 'cancelled') and old.status in ('running', 'breached', 'paused') then
        new.next_check_at := new.started_at;
    end if;
    return new;
end;
$$;

-- The rollups' change notes (V11) also see the pause totals.
create or replace function sla_clocks_note_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into sla_rollup_changes (month)
        select distinct date_trunc('month', due_at at time zone 'UTC')::date from changed_new;
    elsif tg_op = 'DELETE' then
        insert into sla_rollup_changes (month)
        select distinct date_trunc('month', due_at at time zone 'UTC')::date from changed_old;
    else
        insert into sla_rollup_changes (month)
        select distinct date_trunc('month', d at time zone 'UTC')::date
        from changed_new n join changed_old o on o.id = n.id
        cross join lateral (values (n.due_at), (o.due_at)) v(d)
        where (n.due_at, n.status, n.late, n.breached_at, n.started_at, n.met_at, n.business_seconds_to_met,
               n.owner_id, n.team_key, n.tier, n.icp_key, n.policy_key, n.source, n.milestone, n.pauses,
               n.paused_seconds, n.paused_wall_seconds)
              is distinct from
              (o.due_at, o.status, o.late, o.breached_at, o.started_at, o.met_at, o.business_seconds_to_met,
               o.owner_id, o.team_key, o.tier, o.icp_key, o.policy_key, o.source, o.milestone, o.pauses,
               o.paused_seconds, o.paused_wall_seconds);
    end if;
    return null;
end;
$$;

-- ------------------------------------------------------------------------------------------------ rollups (report)

alter table sla_clock_rollups
    add column paused_clocks  bigint not null default 0,
    add column pauses         bigint not null default 0,
    add column paused_seconds bigint not null default 0;
-- Every built month is built again with the pause totals (and wall times without pauses).
insert into sla_rollup_changes (month) select month from sla_rollup_months;

-- ------------------------------------------------------------------------------------------------ calendar mode

-- Which business time a policy's clocks count: the team calendar (the policy's), the owner's own calendar, or both
-- (open only when both are). The owner's calendar comes from the people feature; without one, the team's applies.
alter table sla_policies add column business_time text not null default 'team'
    check (business_time in ('team', 'owner', 'both'));
alter table sla_policy_revisions add column business_time text not null default 'team'
    check (business_time in ('team', 'owner', 'both'));

-- What an absent owner's clocks do (team setting): keep running, or pause while the owner is absent.
alter table teams add column owner_absence text not null default 'keep_running'
    check (owner_absence in ('keep_running', 'pause'));

-- A clock copies its policy's mode, and whether it follows its owner's absences (its team said pause when it started):
-- the detector recomputes such a clock's deadlines with the owner's current absences before it warns or breaches.
alter table sla_clocks
    add column business_time    text    not null default 'team',
    add column follows_absences boolean not null default false;
