-- Who is backstage. No foreign key to planned_call: an arrival is a fact of the day and must
-- survive a reload that drops or renames the call it answered.
CREATE TABLE arrival (
    show_id     VARCHAR(64)                 NOT NULL,
    subject_key VARCHAR(300)                NOT NULL,
    arrived_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    marked_by   BIGINT                      NOT NULL,
    recorded_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_arrival PRIMARY KEY (show_id, subject_key),
    CONSTRAINT fk_arrival_show FOREIGN KEY (show_id) REFERENCES show (id)
);
