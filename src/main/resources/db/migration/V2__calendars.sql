-- Business calendars. Hours and holidays are validated JSON arrays; deadlines computed from a calendar are stored on
-- the clocks that use them, so later edits never move them.
create table calendars (
    id          uuid primary key,
    key         text        not null unique,
    name        text        not null,
    time_zone   text        not null,
    hours       text        not null,
    holidays    text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
create index calendars_page on calendars (created_at, id);
