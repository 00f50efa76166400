-- The call sheet: one row per line, keyed by the call key that stays stable across reloads
-- so that a reload can tell added, changed and removed calls apart.
CREATE TABLE planned_call (
    show_id              VARCHAR(64)                 NOT NULL,
    call_key             VARCHAR(300)                NOT NULL,
    kind                 VARCHAR(8)                  NOT NULL,
    department_id        VARCHAR(64)                 NOT NULL,
    department_name      VARCHAR(200)                NOT NULL,
    who                  VARCHAR(300)                NOT NULL,
    user_id              BIGINT,
    role_id              BIGINT,
    call_at              TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    before_start_seconds BIGINT                      NOT NULL,
    reason               VARCHAR(1000)               NOT NULL,
    wave                 INT,
    -- seconds before call_at, comma-separated, longest first; empty when there are none
    reminders            VARCHAR(1000)               NOT NULL,
    meeting_point        VARCHAR(500),
    lead_user_id         BIGINT,
    notes                VARCHAR(4000),
    CONSTRAINT pk_planned_call PRIMARY KEY (show_id, call_key),
    CONSTRAINT fk_planned_call_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_planned_call_kind CHECK (kind IN ('CREW', 'MODEL'))
);
