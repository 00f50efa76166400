-- What each person last answered with the buttons on their call. One row per call: a new answer
-- replaces the old one. No foreign key to planned_call, as for arrivals.
CREATE TABLE confirmation (
    show_id      VARCHAR(64)                 NOT NULL,
    call_key     VARCHAR(300)                NOT NULL,
    state        VARCHAR(20)                 NOT NULL,
    -- how late they said they would be; only with RUNNING_LATE, and may be unknown even then
    late_minutes INT,
    user_id      BIGINT                      NOT NULL,
    updated_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_confirmation PRIMARY KEY (show_id, call_key),
    CONSTRAINT fk_confirmation_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_confirmation_state CHECK (state IN ('ON_MY_WAY', 'RUNNING_LATE', 'HERE')),
    CONSTRAINT ck_confirmation_late_minutes CHECK (
        late_minutes IS NULL OR (state = 'RUNNING_LATE' AND late_minutes > 0))
);
