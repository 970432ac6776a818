-- Monthly rollups of the SLA compliance report, so that a report over whole months reads one row per group and month
-- instead of every clock. They stay exact: each row keeps the durations themselves (not a histogram), and a report
-- reads from the clocks every month that is not built, or has changed since it was built (see SlaRollups).

-- A migration that adds a report dimension must add it to this check, and note every built month
-- (insert into sla_rollup_changes (month) select month from sla_rollup_months), so that they are built again with it.
-- One row per UTC month of due_at, per dimension ('total' or the clock column a report groups by) and group value.
-- Counts as in the report; the durations of the met clocks as arrays, in no particular order.
create table sla_clock_rollups (
    month     date     not null,
    dimension text     not null check (dimension in ('total', 'owner_id', 'team_key', 'tier', 'icp_key', 'policy_key',
                                                       'source', 'milestone')),
    -- The group value; null for clocks without one, and for 'total'.
    key       text,
    clocks    bigint   not null,
    on_time   bigint   not null,
    met_late  bigint   not null,
    breached  bigint   not null,
    cancelled bigint   not null,
    running   bigint   not null,
    -- business_seconds_to_met of the met clocks whose business time is known (>= 0).
    business  bigint[] not null,
    -- wall_seconds_to_met of the met clocks.
    wall      integer[] not null
);
-- A report reads one dimension over a set of months; the builder replaces a month.
create index sla_clock_rollups_read on sla_clock_rollups (month, dimension);

-- The months built, and when.
create table sla_rollup_months (
    month    date        primary key,
    built_at timestamptz not null
);

-- Every statement that changes clocks notes the months of the clocks it changed, in its own transaction. A month with
-- a note is read from the clocks until it is built again. Notes are only ever inserted by writers and deleted by the
-- builder, which deletes exactly the notes its snapshot sees, in the statement that builds from that snapshot: a
-- change committed later keeps its note. No writer waits on another or on the builder.
create table sla_rollup_changes (
    id    bigint generated always as identity primary key,
    month date not null
);
create index sla_rollup_changes_month on sla_rollup_changes (month);

create function sla_clocks_note_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into sla_rollup_changes (month)
        select distinct date_trunc('month', due_at at time zone 'UTC')::date from changed_new;
    elsif tg_op = 'DELETE' then
        insert into sla_rollup_changes (month)
        select distinct date_trunc('month', due_at at time zone 'UTC')::date from changed_old;
    else
        -- Only changes the report can see; the detector's own bookkeeping (next_check_at, ...) is not one. Rows are
        -- matched by id, which is never updated.
        insert into sla_rollup_changes (month)
        select distinct date_trunc('month', d at time zone 'UTC')::date
        from changed_new n join changed_old o on o.id = n.id
        cross join lateral (values (n.due_at), (o.due_at)) v(d)
        where (n.due_at, n.status, n.late, n.breached_at, n.started_at, n.met_at, n.business_seconds_to_met,
               n.owner_id, n.team_key, n.tier, n.icp_key, n.policy_key, n.source, n.milestone)
              is distinct from
              (o.due_at, o.status, o.late, o.breached_at, o.started_at, o.met_at, o.business_seconds_to_met,
               o.owner_id, o.team_key, o.tier, o.icp_key, o.policy_key, o.source, o.milestone);
    end if;
    return null;
end;
$$;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
create trigger sla_clocks_note_insert after insert on sla_clocks
    referencing new table as changed_new for each statement execute function sla_clocks_note_change();
create trigger sla_clocks_note_update after update on sla_clocks
    referencing old table as changed_old new table as changed_new for each statement execute function sla_clocks_note_change();
create trigger sla_clocks_note_delete after delete on sla_clocks
    referencing old table as changed_old for each statement execute function sla_clocks_note_change();

-- TRUNCATE removes every clock at once: every build is forgotten.
create function sla_clocks_forget_rollups() returns trigger language plpgsql as $$
begin
    delete from sla_clock_rollups;
    delete from sla_rollup_months;
    return null;
end;
$$;

create trigger sla_clocks_truncate after truncate on sla_clocks
    for each statement execute function sla_clocks_forget_rollups();

-- Concatenates the duration arrays of a group's months.
create aggregate accord_array_concat(anycompatiblearray) (sfunc = array_cat, stype = anycompatiblearray, initcond = '{}');

-- The clocks already here: every month gets a note, so the builder builds the closed ones.
insert into sla_rollup_changes (month)
select distinct date_trunc('month', due_at at time zone 'UTC')::date from sla_clocks;
