-- A model replaced on the day: whoever replaces her takes over her looks that have not walked.
-- A model is replaced at most once; her replacement may be replaced in turn.
CREATE TABLE replacement (
    id           BIGINT GENERATED ALWAYS AS IDENTITY,
    show_id      VARCHAR(64)                 NOT NULL,
    model_name   VARCHAR(100)                NOT NULL,
    replaced_by  VARCHAR(100)                NOT NULL,
    -- the looks she took over, in running order, as '7,19,31'
    looks        VARCHAR(1000)               NOT NULL,
    replaced_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    decided_by   BIGINT                      NOT NULL,
    CONSTRAINT pk_replacement PRIMARY KEY (id),
    CONSTRAINT uq_replacement_model UNIQUE (show_id, model_name),
    CONSTRAINT fk_replacement_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_replacement_other CHECK (model_name <> replaced_by)
);
