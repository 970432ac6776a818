-- Single-use tokens that let a browser's EventSource open /api/v1/alerts/stream (it cannot send headers).
-- Only the SHA-256 of a token is stored. A row carries the identity of the caller that asked for it, so any
-- replica can accept the token; using it deletes the row (delete ... returning), so it works once.
create table stream_tokens (
    token_hash            text        primary key,
    id                    uuid        not null,
    principal             text        not null,
    kind                  text        not null check (kind in ('api_key', 'jwt')),
    roles                 text[]      not null,
    team_key              text,
    display_name          text,
    api_key_id            uuid,
    credential_expires_at timestamptz,
    created_at            timestamptz not null,
    expires_at            timestamptz not null
);
-- The clean-up job deletes expired tokens that were never used.
create index stream_tokens_expires_at on stream_tokens (expires_at);
