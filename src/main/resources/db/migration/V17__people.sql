-- People: the sales reps and managers behind the owner ids that leads already carry (leads.owner_id), with their
-- e-mail (for digests), an optional personal calendar (own zone, several blocks a day), their team memberships, their
-- out-of-office periods, and the round-robin state of each team used as an assignment pool. The people feature owns
-- these four tables; the SLA feature's breach detector reads them, and writes rotations and absences, only through it.
create table people (
    id         text        primary key,
    -- The paging key: lists are ordered by (created_at, uid), like every other list.
    uid        uuid        not null unique,
    name       text        not null,
    email      text,
    -- The personal calendar, both or neither: an IANA zone and a JSON array of {day, start, end} (validated by
    -- calendar.CalendarRules). Without it a person follows the team's calendar.
    time_zone  text,
    hours      text,
    active     boolean     not null default true,
    created_at timestamptz not null,
    created_by text        not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    check ((time_zone is null) = (hours is null))
);
create index people_page on people (created_at, uid);

-- Team memberships. Deleting a person or a team removes them.
create table people_memberships (
    team_key  text not null references teams (key) on delete cascade,
    person_id text not null references people (id) on delete cascade,
    primary key (team_key, person_id)
);
create index people_memberships_person on people_memberships (person_id);

-- Out-of-office periods [starts_at, ends_at).
create table people_absences (
    id         uuid        primary key,
    person_id  text        not null references people (id) on delete cascade,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    reason     text,
    created_at timestamptz not null,
    created_by text        not null,
    check (ends_at > starts_at)
);
-- A person's absences in creation order (the list).
create index people_absences_page on people_absences (person_id, created_at, id);
-- "Absences of a person overlapping t (or [from, to))": starts_at <= t and ends_at > t, read by the breach detector.
create index people_absences_overlap on people_absences (person_id, ends_at, starts_at);

-- Round-robin state per pool (a team): who was assigned last. The breach detector locks the row (FOR UPDATE) while
-- it picks, so replicas take turns and the rotation is fair across them.
create table people_rotations (
    team_key       text        primary key references teams (key) on delete cascade,
    last_person_id text,
    updated_at     timestamptz not null
);
