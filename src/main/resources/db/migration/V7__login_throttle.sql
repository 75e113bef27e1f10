-- Failed sign-in attempts per username, shared by every instance behind the load balancer, so that
-- a guesser cannot spread attempts over instances. One row per username with recent failures (known
-- or not: an unknown username is counted the same way, so the answers never tell which exist).
-- A successful sign-in deletes the row; expires_at lets stale rows be deleted by index.

create table login_throttle (
    username       varchar(100)  primary key,   -- lower case; longer names are stored as a hash
    failures       integer       not null,      -- in the window that started at window_start
    window_start   timestamp with time zone not null,
    locked_until   timestamp with time zone,    -- refused without a password check until then
    expires_at     timestamp with time zone not null
);

create index login_throttle_expires on login_throttle (expires_at);
