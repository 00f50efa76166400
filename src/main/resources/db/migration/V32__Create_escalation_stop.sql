-- A lead who pressed "I reached them": the ladder it was about climbs no further for that person.
-- One row per ladder: a second press finds it and changes nothing.
CREATE TABLE escalation_stop (
    show_id    VARCHAR(64)                 NOT NULL,
    call_key   VARCHAR(300)                NOT NULL,
    -- 'unconfirmed' or 'absent'
    ladder     VARCHAR(20)                 NOT NULL,
    stopped_by BIGINT                      NOT NULL,
    stopped_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_escalation_stop PRIMARY KEY (show_id, call_key, ladder),
    CONSTRAINT fk_escalation_stop_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_escalation_stop_ladder CHECK (ladder IN ('unconfirmed', 'absent'))
);
