-- Evidence for signing an ICP version (issue 18): backtests of a version on past leads, the evidence each approval
-- saw, and the weekly drift watch.

-- ------------------------------------------------------------------------------------------------ backtests (evidence)

-- One backtest of one ICP version over the leads handed off in [window_from, window_to). A small window is computed in
-- the request and stored as 'done'; a large one is queued and run by whichever replica claims it (FOR UPDATE SKIP
-- LOCKED on icp_backtests_claim; a replica that dies leaves its lease to expire and another one picks the job up).
-- The result (JSON) is kept until expires_at (7 days by default) and deleted by the retention round
-- (icp_backtests_expiry).
create table icp_backtests (
    id                uuid primary key,
    icp_key           text        not null,
    version_number    integer     not null,
    -- The version's last content edit when the backtest was asked for: a later edit makes the backtest stale.
    version_edited_at timestamptz not null,
    window_from       timestamptz not null,
    window_to         timestamptz not null,
    filters           text        not null default '{}',
    status            text        not null check (status in ('queued', 'running', 'done', 'failed')),
    lead_count        integer     not null default 0,
    processed         integer     not null default 0,
    result            text,
    error             text,
    attempts          integer     not null default 0,
    lease_until       timestamptz,
    claimed_by        text,
    created_at        timestamptz not null,
    created_by        text        not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    expires_at        timestamptz not null
);
-- The job runner's claim: queued jobs, and running ones whose lease ran out (their replica died).
create index icp_backtests_claim on icp_backtests (lease_until nulls first, created_at)
    where status in ('queued', 'running');
-- The latest finished backtest of a version (approvals, drift watch).
create index icp_backtests_latest on icp_backtests (icp_key, version_number, created_at desc) where status = 'done';
-- Retention.
create index icp_backtests_expiry on icp_backtests (expires_at);

-- One row per ICP and ISO week the drift watch has checked; inserting it is the claim, so each (ICP, week) is checked
-- once on any number of replicas (the icp.drift alert itself is also unique by (subject, kind)).
create table icp_drift_checks (
    icp_key        text        not null,
    iso_week       text        not null,
    version_number integer     not null,
    backtest_id    uuid,
    drifted        boolean     not null,
    details        text        not null,
    checked_at     timestamptz not null,
    primary key (icp_key, iso_week)
);

-- ------------------------------------------------------------------------------------------------ icp (evidence seen)

-- The last edit of a version's content (creation or PUT); updated_at also moves on proposal and approval.
alter table icp_versions
    add column edited_at            timestamptz,
    add column proposed_backtest_id uuid,
    add column proposed_backtest_at timestamptz,
    add column proposed_backtest_stale boolean not null default false;
update icp_versions set edited_at = case when status = 'draft' then updated_at else coalesce(proposed_at, created_at) end;
-- The default serves writers that predate the column (bench scripts seeding versions with SQL).
alter table icp_versions alter column edited_at set default now(), alter column edited_at set not null;

-- Which backtest the approving side saw (null: none existed), and whether it was stale and acknowledged as such.
alter table icp_approvals
    add column backtest_id    uuid,
    add column backtest_at    timestamptz,
    add column backtest_stale boolean not null default false;
