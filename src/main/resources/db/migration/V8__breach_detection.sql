-- Breach detection: each clock carries the next instant at which the detector has something to do for it
-- (warn, due, escalate, or resolve its alerts after it was met or cancelled), so the detector's idle poll is one
-- range scan of one partial index, whatever the number of running clocks.
alter table sla_clocks
    add column next_check_at        timestamptz,
    add column warning_raised_at    timestamptz,
    add column escalation_raised_at timestamptz;

update sla_clocks set next_check_at = coalesce(warn_at, due_at) where status = 'running';

create index sla_clocks_next_check on sla_clocks (next_check_at) where next_check_at is not null;

-- Whoever starts, meets or cancels a clock, the detector learns about it: a new clock is checked at its first
-- checkpoint; a clock that leaves the running/breached states is checked at once (started_at lies in the past of
-- any clock), so that its open alerts resolve themselves.
create function sla_clocks_schedule_check() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status = 'running' and new.next_check_at is null then
            new.next_check_at := coalesce(new.warn_at, new.due_at);
        end if;
    elsif new.status in ('met', 'cancelled') and old.status in ('running', 'breached') then
        new.next_check_at := new.started_at;
    end if;
    return new;
end;
$$;

create trigger sla_clocks_schedule_check before insert or update of status on sla_clocks
    for each row execute function sla_clocks_schedule_check();
