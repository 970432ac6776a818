-- SLA policies, their revisions and the clocks started at hand-off.
--
-- A policy's current state is in sla_policies; every create and edit also writes an immutable row in
-- sla_policy_revisions. Clocks reference the revision they started with, so edits never touch running clocks, and a
-- policy that has clocks cannot be deleted (the cascade to its revisions hits the clocks' foreign key: 409 in-use).
create table sla_policies (
    id           uuid primary key,
    key          text        not null unique,
    name         text        not null,
    priority     integer     not null,
    enabled      boolean     not null,
    calendar_id  uuid        not null references calendars (id),
    calendar_key text        not null,
    conditions   text        not null,
    milestones   text        not null,
    revision     integer     not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);
create index sla_policies_page on sla_policies (created_at, id);
-- Serves the foreign-key check when a calendar is deleted.
create index sla_policies_calendar on sla_policies (calendar_id);
-- Selection at hand-off reads the enabled policies.
create index sla_policies_enabled on sla_policies (priority desc, key) where enabled;

create table sla_policy_revisions (
    id           uuid        not null unique,
    policy_id    uuid        not null references sla_policies (id) on delete cascade,
    revision     integer     not null,
    key          text        not null,
    name         text        not null,
    priority     integer     not null,
    enabled      boolean     not null,
    calendar_key text        not null,
    conditions   text        not null,
    milestones   text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (policy_id, revision)
);

create table sla_clocks (
    id              uuid primary key,
    lead_id         uuid        not null references leads (id),
    handoff_id      uuid        not null,
    -- Copied from the lead; owner and team follow reassignments while the clock runs.
    owner_id        text,
    team_key        text,
    tier            text,
    policy_id       uuid        not null,
    policy_key      text        not null,
    policy_revision integer     not null,
    calendar_key    text        not null,
    milestone       text        not null check (milestone in ('first_touch', 'decision', 'attempts', 'qualification')),
    target          text        not null,
    attempts        integer,
    status          text        not null check (status in ('running', 'met', 'breached', 'cancelled')),
    started_at      timestamptz not null,
    warn_at         timestamptz,
    due_at          timestamptz not null,
    escalate_at     timestamptz,
    met_at          timestamptz,
    late            boolean     not null default false,
    breached_at     timestamptz,
    cancelled_at    timestamptz,
    created_at      timestamptz not null,
    foreign key (policy_id, policy_revision) references sla_policy_revisions (policy_id, revision),
    check ((status = 'met') = (met_at is not null))
);
-- At most one live clock per lead and milestone, whatever races.
create unique index sla_clocks_live on sla_clocks (lead_id, milestone) where status in ('running', 'breached');
-- For the breach, warning and escalation scans of the alerts issue (claimed with FOR UPDATE SKIP LOCKED).
create index sla_clocks_due on sla_clocks (due_at) where status = 'running';
create index sla_clocks_warn on sla_clocks (warn_at) where status = 'running';
create index sla_clocks_escalate on sla_clocks (escalate_at) where status in ('running', 'breached');
-- A lead's clocks (its SLA view, and meeting or cancelling them).
create index sla_clocks_lead on sla_clocks (lead_id, created_at, id);
-- The board (GET /sla-clocks), ordered by due date: by status, owner or team.
create index sla_clocks_board on sla_clocks (status, due_at, id);
create index sla_clocks_owner on sla_clocks (owner_id, due_at, id) where owner_id is not null;
create index sla_clocks_team on sla_clocks (team_key, due_at, id) where team_key is not null;
-- The board without filters.
create index sla_clocks_by_due on sla_clocks (due_at, id);
-- A policy revision's foreign-key check on delete.
create index sla_clocks_policy on sla_clocks (policy_id, policy_revision);
