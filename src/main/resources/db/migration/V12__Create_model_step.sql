-- Hair, makeup and nails are done on the model, not on a look: one row holds for every look she
-- wears, and stays with her if her looks are given to someone else. The primary key makes a step
-- count once however often it is reported.
CREATE TABLE model_step (
    show_id    VARCHAR(64)                 NOT NULL,
    model_name VARCHAR(100)                NOT NULL,
    step       VARCHAR(16)                 NOT NULL,
    done_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    done_by    BIGINT                      NOT NULL,
    CONSTRAINT pk_model_step PRIMARY KEY (show_id, model_name, step),
    CONSTRAINT fk_model_step_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_model_step_step CHECK (step IN ('hair', 'makeup', 'nails'))
);
