-- Teams: who owns leads and who receives escalations. Members and the manager are the caller's own user ids; Accord
-- does not manage people. A team may name a business calendar; the foreign key (no cascade) makes deleting a
-- calendar that a team still uses fail with 23503, which the API reports as 409 in-use.
create table teams (
    id           uuid primary key,
    key          text        not null unique,
    name         text        not null,
    function     text        not null check (function in ('sales', 'marketing')),
    manager_id   text,
    members      text[]      not null default '{}',
    calendar_id  uuid references calendars (id),
    -- Calendar keys never change, so the key is kept next to the id for reading without a join.
    calendar_key text,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0,
    check ((calendar_id is null) = (calendar_key is null))
);
create index teams_page on teams (created_at, id);
-- Serves the foreign-key check when a calendar is deleted.
create index teams_calendar on teams (calendar_id) where calendar_id is not null;
