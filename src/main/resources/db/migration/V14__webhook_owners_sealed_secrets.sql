-- Webhook ownership and signing secrets encrypted at rest (issue 14).
--
-- owner: the principal that created the subscription (apikey:<id>, bootstrap-admin or a JWT subject); owner_team: the
-- team of that principal when it has one (an API key's teamKey). Only the owner or an admin may read, change, rotate,
-- ping, delete or redeliver a subscription; anyone else gets 404.
--
-- Subscriptions that exist before this migration were made when any integrator or sales_manager could change any
-- webhook (URL and secret included), so neither created_by nor the current URL proves who controls them. They get the
-- owner 'bootstrap-admin': only admins can see and manage them. To hand one to its integration, an admin deletes it
-- and that integration subscribes again (with a new secret).
alter table webhooks add column owner text, add column owner_team text, add column secrets_key_id text;
update webhooks set owner = 'bootstrap-admin';
alter table webhooks alter column owner set not null;

-- A non-admin's list: their own subscriptions in creation order.
create index webhooks_owner_page on webhooks (owner, created_at, id);

-- secrets_key_id: the id of the key (accord.secrets.key) that sealed secret and previous_secret with AES-256-GCM;
-- null means the plain text written before this migration. At start, and on a schedule after a key rotation, one
-- replica at a time seals those rows with the current key (WebhookSecretsReseal), found through this index.
create index webhooks_secrets_key on webhooks (secrets_key_id);
