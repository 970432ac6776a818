-- Foundation: API keys, the audit log and Idempotency-Key records.

create table api_keys (
    id          uuid primary key,
    name        text        not null,
    roles       text[]      not null,
    team_key    text,
    key_hash    text        not null,
    key_hint    text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz,
    revoked_by  text,
    version     bigint      not null default 0
);
-- Authentication looks a key up by its hash on every request.
create unique index api_keys_key_hash on api_keys (key_hash);
-- Two active keys may not share a name.
create unique index api_keys_active_name on api_keys (lower(name)) where revoked_at is null;
create index api_keys_page on api_keys (created_at, id);

create table audit_events (
    id            uuid primary key,
    at            timestamptz not null,
    actor         text        not null,
    action        text        not null,
    resource_type text        not null,
    resource_id   text        not null,
    summary       text        not null
);
create index audit_events_page on audit_events (at, id);
create index audit_events_resource on audit_events (resource_type, resource_id, at, id);
create index audit_events_actor on audit_events (actor, at, id);

create table idempotency_keys (
    principal   text        not null,
    idem_key    text        not null,
    fingerprint text        not null,
    status      integer,
    body        text,
    location    text,
    etag        text,
    created_at  timestamptz not null,
    primary key (principal, idem_key)
);
-- The purge job deletes by age.
create index idempotency_keys_created_at on idempotency_keys (created_at);
