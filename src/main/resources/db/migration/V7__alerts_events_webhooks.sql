-- Alerts, the global event sequence behind the live stream and pull feed, and webhook subscriptions with their outbox.

create table alerts (
    id              uuid primary key,
    kind            text        not null,
    -- What the alert is about: an SLA clock id, a commitment period, a webhook. One alert per subject and kind,
    -- by construction, whichever replica raises it.
    subject         text        not null,
    clock_id        uuid,
    status          text        not null default 'open',
    resolution      text,
    lead_id         uuid,
    source          text,
    external_id     text,
    company_name    text,
    owner_id        text,
    team_key        text,
    tier            text,
    manager_id      text,
    policy_key      text,
    policy_revision integer,
    milestone       text,
    due_at          timestamptz,
    detected_at     timestamptz not null,
    -- Kind-specific facts (commitment figures, webhook failures), as a JSON object.
    details         text        not null default '{}',
    acknowledged_at timestamptz,
    acknowledged_by text,
    resolved_at     timestamptz,
    resolved_by     text,
    comment         text,
    created_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint alerts_once unique (subject, kind)
);
create index alerts_page on alerts (created_at, id);
create index alerts_status_page on alerts (status, created_at, id);
create index alerts_lead on alerts (lead_id, created_at, id);
-- Auto-resolution and the escalation check look up a clock's alerts.
create index alerts_clock on alerts (clock_id, kind) where clock_id is not null;

-- One global, monotonic sequence of events. Writers take a transaction-level advisory lock before inserting, so
-- sequence order is commit order and a reader resuming "after N" never misses a late-committing lower number.
create table events (
    seq          bigserial primary key,
    type         text        not null,
    at           timestamptz not null,
    alert_id     uuid,
    alert_kind   text,
    alert_status text,
    lead_id      uuid,
    owner_id     text,
    team_key     text,
    tier         text,
    data         text        not null
);
create index events_at on events (at);

create table webhooks (
    id                  uuid primary key,
    key                 text        not null unique,
    url                 text        not null,
    description         text,
    event_types         text[]      not null default '{}',
    team_keys           text[]      not null default '{}',
    tiers               text[]      not null default '{}',
    format              text        not null default 'standard',
    enabled             boolean     not null default true,
    disabled_reason     text,
    secret              text        not null,
    previous_secret     text,
    previous_secret_until timestamptz,
    failing_since       timestamptz,
    created_at          timestamptz not null,
    created_by          text        not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);
create index webhooks_page on webhooks (created_at, id);
create index webhooks_enabled on webhooks (id) where enabled;

-- The outbox: one row per event and subscription, written in the event's transaction.
create table webhook_deliveries (
    id               uuid primary key,
    webhook_id       uuid        not null references webhooks (id) on delete cascade,
    event_seq        bigint      not null references events (seq) on delete cascade,
    event_type       text        not null,
    status           text        not null,      -- pending | delivered | failed | cancelled
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    last_latency_ms  integer,
    delivered_at     timestamptz,
    created_at       timestamptz not null
);
-- The dispatcher's claim query.
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_page on webhook_deliveries (webhook_id, created_at, id);
