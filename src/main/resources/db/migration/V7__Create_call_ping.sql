-- Every ping showcall sends: a call, one of its reminders, or the notice that a delay moved it. The primary key is the idempotency
-- gate: a worker claims the row before it talks to Discord, so a retry, a double fire or a
-- restart never sends the same ping twice. A claimed row without sent_at is what a crash left
-- half-done. No foreign key to planned_call: what was sent is a fact of the day and must survive
-- a reload that drops or renames the call.
CREATE TABLE call_ping (
    show_id      VARCHAR(64)                 NOT NULL,
    call_key     VARCHAR(300)                NOT NULL,
    -- 'call', 'reminder:<seconds before the call>' such as 'reminder:3600', or 'moved:<delay id>'
    ping         VARCHAR(40)                 NOT NULL,
    due_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    claimed_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    -- when Discord accepted it, or when a reminder was dropped
    sent_at      TIMESTAMP(9) WITH TIME ZONE,
    late_seconds INT,
    outcome      VARCHAR(20),
    detail       VARCHAR(500),
    CONSTRAINT pk_call_ping PRIMARY KEY (show_id, call_key, ping),
    CONSTRAINT fk_call_ping_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_call_ping_ping CHECK (ping = 'call' OR REGEXP_LIKE(ping, '^(reminder|moved):[1-9][0-9]*$')),
    CONSTRAINT ck_call_ping_outcome CHECK (outcome IN ('DM', 'CHANNEL', 'ROLE', 'DROPPED')),
    -- only a reminder can be dropped: a call always goes out
    CONSTRAINT ck_call_ping_dropped CHECK (outcome <> 'DROPPED' OR ping <> 'call'),
    -- sent_at, late_seconds and outcome are written together when the ping is completed
    CONSTRAINT ck_call_ping_completed CHECK (
        (sent_at IS NULL AND late_seconds IS NULL AND outcome IS NULL)
        OR (sent_at IS NOT NULL AND late_seconds IS NOT NULL AND outcome IS NOT NULL))
);
