-- Each show's board message in its timeline channel, found again after a restart.
CREATE TABLE timeline_board (
    show_id    VARCHAR(64)                 NOT NULL,
    channel_id BIGINT                      NOT NULL,
    message_id BIGINT                      NOT NULL,
    posted_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_timeline_board PRIMARY KEY (show_id),
    CONSTRAINT fk_timeline_board_show FOREIGN KEY (show_id) REFERENCES show (id)
);
