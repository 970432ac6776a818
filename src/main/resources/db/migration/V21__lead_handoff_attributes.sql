-- The attributes a lead had when it was handed off, for backtests of ICP versions (issue 18). Intake replaces a lead's
-- attributes on every push, also after the hand-off, so the current ones are not what sales saw. A trigger (like the
-- V9 stage times) copies company, contact and custom whenever the lead takes a new hand-off id, and empties the copy
-- when the lead is erased, so erasure still leaves no personal data behind. Leads handed off before this migration
-- have no copy; backtests read their current attributes.
alter table leads
    add column handoff_company text,
    add column handoff_contact text,
    add column handoff_custom  text;

create function leads_snapshot_handoff() returns trigger language plpgsql as $$
begin
    if new.erased_at is not null then
        new.handoff_company := null;
        new.handoff_contact := null;
        new.handoff_custom := null;
    elsif new.handoff_id is not null
          and (tg_op = 'INSERT' or new.handoff_id is distinct from old.handoff_id) then
        new.handoff_company := new.company;
        new.handoff_contact := new.contact;
        new.handoff_custom := new.custom;
    end if;
    return new;
end;
$$;

create trigger leads_snapshot_handoff
    before insert or update of handoff_id, erased_at on leads
    for each row execute function leads_snapshot_handoff();
