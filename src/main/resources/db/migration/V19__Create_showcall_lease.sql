-- Which showcall instance is active when several run on one database: the one whose id is in
-- holder, for the epoch in epoch. The holder adds one to heartbeat every few seconds; a standby
-- that sees the same epoch and heartbeat for longer than the lease lasts takes over, adding one
-- to epoch. Every claim of a ping or a log post checks the epoch in its own transaction, so an
-- instance that lost the lease can claim nothing more. holder is null once the holder let go of it
-- on a clean stop. One row, named 'active'.
CREATE TABLE showcall_lease (
    name        VARCHAR(40)                 NOT NULL,
    epoch       BIGINT                      NOT NULL,
    holder      VARCHAR(200),
    host        VARCHAR(200)                NOT NULL,
    heartbeat   BIGINT                      NOT NULL,
    acquired_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    renewed_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_showcall_lease PRIMARY KEY (name)
);
