-- Each look going out on the runway, once.
CREATE TABLE look_walk (
    show_id     VARCHAR(64)                 NOT NULL,
    look_number INT                         NOT NULL,
    model_name  VARCHAR(100)                NOT NULL,
    walked_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    walked_by   BIGINT                      NOT NULL,
    CONSTRAINT pk_look_walk PRIMARY KEY (show_id, look_number),
    CONSTRAINT fk_look_walk_show FOREIGN KEY (show_id) REFERENCES show (id)
);
