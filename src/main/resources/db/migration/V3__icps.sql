-- Ideal Customer Profiles: ICPs, their versions, the approvals and rejections of each version, and the catalog
-- generation that keeps every replica's cache of active versions correct.

create table icps (
    id          uuid primary key,
    key         text        not null,
    name        text        not null,
    description text,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    version     bigint      not null default 0,
    constraint icps_key_unique unique (key)
);
-- GET /icps: creation order, then id.
create index icps_page on icps (created_at, id);

create table icp_versions (
    id            uuid primary key,
    icp_id        uuid        not null references icps (id),
    number        integer     not null check (number >= 1),
    status        text        not null check (status in ('draft', 'proposed', 'active', 'superseded', 'rejected')),
    definition    jsonb       not null,
    notes         text,
    copied_from   integer,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    proposed_at   timestamptz,
    proposed_by   text,
    activated_at  timestamptz,
    superseded_at timestamptz,
    rejected_at   timestamptz,
    row_version   bigint      not null default 0,
    -- Also serves GET /icps/{key}/versions (by number) and GET .../versions/{n}.
    constraint icp_versions_number_unique unique (icp_id, number)
);
-- At most one active version per ICP. The cache reload ("where status = 'active'") reads this index too.
create unique index icp_versions_one_active on icp_versions (icp_id) where status = 'active';

create table icp_approvals (
    id         uuid primary key,
    version_id uuid        not null references icp_versions (id),
    side       text        not null check (side in ('marketing', 'sales')),
    decision   text        not null check (decision in ('approve', 'reject')),
    principal  text        not null,
    at         timestamptz not null,
    comment    text,
    -- One decision per side; also serves loading a version's decisions.
    constraint icp_approvals_side_unique unique (version_id, side)
);
-- The two approvals of a version come from two different principals.
create unique index icp_approvals_distinct_approvers on icp_approvals (version_id, principal) where decision = 'approve';

-- One row. Its generation changes in the same transaction as every change to the set of active versions, so a
-- replica that reads an unchanged generation knows its cached active set is still the committed one.
create table icp_catalog_state (
    id         integer primary key check (id = 1),
    generation bigint not null
);
insert into icp_catalog_state (id, generation) values (1, 0);

-- The bump is a trigger so that no write path (a future feature, a manual fix in SQL) can change the active set
-- without invalidating the caches.
create function icp_catalog_bump() returns trigger language plpgsql as $$
begin
    update icp_catalog_state set generation = generation + 1 where id = 1;
    return null;
end;
$$;

create trigger icp_versions_activation_changed
    after update on icp_versions
    for each row
    when ((old.status is distinct from new.status and (old.status = 'active' or new.status = 'active'))
          or (new.status = 'active' and old.definition is distinct from new.definition))
    execute function icp_catalog_bump();

create trigger icp_versions_active_inserted
    after insert on icp_versions
    for each row
    when (new.status = 'active')
    execute function icp_catalog_bump();

create trigger icp_versions_active_deleted
    after delete on icp_versions
    for each row
    when (old.status = 'active')
    execute function icp_catalog_bump();
