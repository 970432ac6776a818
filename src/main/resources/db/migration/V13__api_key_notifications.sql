-- Every change to an API key (revocation, new roles or team, creation, deletion) is announced on the channel
-- 'accord_api_keys' when its transaction commits, whoever made it: the service on any replica or an operator by hand.
-- Each replica LISTENs and drops the key from its authentication cache at once. Payload: '<id> <key_hash>'.
create function accord_api_key_changed() returns trigger language plpgsql as $$
declare
    changed api_keys%rowtype;
begin
    if tg_op = 'DELETE' then
        changed := old;
    else
        changed := new;
    end if;
    perform pg_notify('accord_api_keys', changed.id::text || ' ' || changed.key_hash);
    return null;
end;
$$;

create trigger api_keys_changed
    after insert or update or delete on api_keys
    for each row execute function accord_api_key_changed();
