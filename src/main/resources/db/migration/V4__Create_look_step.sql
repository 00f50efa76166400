-- Progress of each look. The primary key makes a step count once however often it is reported.
CREATE TABLE look_step (
    show_id     VARCHAR(64)                 NOT NULL,
    look_number INT                         NOT NULL,
    step        VARCHAR(16)                 NOT NULL,
    done_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    done_by     BIGINT                      NOT NULL,
    CONSTRAINT pk_look_step PRIMARY KEY (show_id, look_number, step),
    CONSTRAINT fk_look_step_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_look_step_step CHECK (step IN ('hair', 'makeup', 'nails', 'dressed', 'accessories', 'ready'))
);
