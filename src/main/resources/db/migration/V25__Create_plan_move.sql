-- Whose call an applied plan update moved, from when to when as the plans had it (before any delay).
-- Each of them is told once, by the 'replanned:<upload id>' notice of call_ping, written when it goes
-- out: a row here without that notice is a notice still owed, which reconciliation sends after a crash.
CREATE TABLE plan_move (
    upload_id BIGINT                      NOT NULL,
    show_id   VARCHAR(64)                 NOT NULL,
    call_key  VARCHAR(300)                NOT NULL,
    from_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    to_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_plan_move PRIMARY KEY (upload_id, call_key),
    CONSTRAINT fk_plan_move_upload FOREIGN KEY (upload_id) REFERENCES plan_upload (id),
    CONSTRAINT fk_plan_move_show FOREIGN KEY (show_id) REFERENCES show (id)
);

-- Notices still owed are looked for per show.
CREATE INDEX ix_plan_move_show ON plan_move (show_id, upload_id);
