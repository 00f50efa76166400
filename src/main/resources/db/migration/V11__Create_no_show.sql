-- Models PR or producers have given up on for the day. No foreign key to planned_call: like an
-- arrival, it is a fact of the day and survives a reload of the show file.
CREATE TABLE no_show (
    show_id     VARCHAR(64)                 NOT NULL,
    subject_key VARCHAR(300)                NOT NULL,
    marked_by   BIGINT                      NOT NULL,
    marked_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_no_show PRIMARY KEY (show_id, subject_key),
    CONSTRAINT fk_no_show_show FOREIGN KEY (show_id) REFERENCES show (id)
);
