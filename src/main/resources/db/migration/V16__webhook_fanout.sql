-- Webhook deliveries are written by the webhook feature reading the event log, no longer by the events' own
-- transaction (issue 16). Events are appended in commit order (EventLog's advisory lock), so one cursor says which
-- events have been fanned out to the subscriptions: a round locks its row (FOR UPDATE SKIP LOCKED: one replica at a
-- time), inserts the deliveries of the events after it and moves it on, in one transaction.
create table webhook_fanout (
    id       smallint primary key check (id = 1),
    last_seq bigint   not null
);
-- The events that exist now had their deliveries written by the outbox.
insert into webhook_fanout (id, last_seq) select 1, coalesce(max(seq), 0) from events;

-- A subscription gets the events after the newest one committed when it was made (as it did from the outbox, which
-- only saw subscriptions committed before the event). Existing subscriptions: every event from now on.
alter table webhooks add column after_seq bigint not null default 0;

-- At most one delivery per event and subscription: a fan-out repeated after a lost commit answer inserts nothing.
alter table webhook_deliveries add constraint webhook_deliveries_once unique (webhook_id, event_seq);
