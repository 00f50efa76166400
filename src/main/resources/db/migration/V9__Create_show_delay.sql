-- Delays producers declare with /delay. The show runs late by their sum; a negative delay means
-- it runs early. Rows are only ever added, so the log of who moved the show stays whole.
CREATE TABLE show_delay (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    show_id     VARCHAR(64)                 NOT NULL,
    minutes     INT                         NOT NULL,
    reason      VARCHAR(500)                NOT NULL,
    declared_by BIGINT                      NOT NULL,
    declared_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_show_delay PRIMARY KEY (id),
    CONSTRAINT fk_show_delay_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_show_delay_minutes CHECK (minutes <> 0)
);

-- Delays are always read per show, in the order they were declared.
CREATE INDEX ix_show_delay_show ON show_delay (show_id, id);
