-- What each call-sheet DM told its person, written before it is sent. A later plan is compared with the last of
-- them, so that only the lines it changed are sent again; Got it on that DM is recorded here, who and when.
-- No foreign key to planned_call: what someone was told is a fact of the day, whatever the plan says since.
CREATE TABLE call_sheet_line (
    show_id         VARCHAR(64)                 NOT NULL,
    call_key        VARCHAR(300)                NOT NULL,
    -- the ping of call_ping that carries it: 'callsheet', or 'callsheet:<version>' for the lines a new plan changed
    ping            VARCHAR(40)                 NOT NULL,
    -- the call as the plan had it, before any delay
    call_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    meeting_point   VARCHAR(500),
    lead_user_id    BIGINT,
    notes           VARCHAR(4000),
    written_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    acknowledged_by BIGINT,
    acknowledged_at TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT pk_call_sheet_line PRIMARY KEY (show_id, call_key, ping),
    CONSTRAINT fk_call_sheet_line_show FOREIGN KEY (show_id) REFERENCES show (id),
    -- who pressed Got it, and when, are written together
    CONSTRAINT ck_call_sheet_line_acknowledged CHECK (
        (acknowledged_by IS NULL AND acknowledged_at IS NULL)
        OR (acknowledged_by IS NOT NULL AND acknowledged_at IS NOT NULL))
);
