-- Reassignment on breach (issue 17): a milestone may hand its lead to the next available member of a pool when its
-- clock breaches. The breached clock then ends as 'reassigned' (it keeps breached_at, and its owner is who breached),
-- and the new owner's clock starts with the same policy revision and points back to it.
--
-- The status check is recreated with every status: 'paused' comes with hold/resume (V18). Whatever the check was
-- called, the one that lists the statuses is dropped first.
do $$
declare
    c text;
begin
    for c in select conname from pg_constraint
             where conrelid = 'sla_clocks'::regclass and contype = 'c'
               and pg_get_constraintdef(oid) like '%status%' and pg_get_constraintdef(oid) like '%''running''%'
    loop
        execute format('alter table sla_clocks drop constraint %I', c);
    end loop;
end;
$$;

alter table sla_clocks add constraint sla_clocks_status_check
    check (status in ('running', 'met', 'breached', 'cancelled', 'paused', 'reassigned'));

alter table sla_clocks
    -- On the breached clock: who got the lead, and when.
    add column reassigned_to     text,
    add column reassigned_at     timestamptz,
    -- On the new owner's clock: the breached clock it follows.
    add column previous_clock_id uuid,
    add constraint sla_clocks_reassigned check ((status = 'reassigned') = (reassigned_at is not null));
