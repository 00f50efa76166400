-- The timeline feed. Each show's board message, found again after a restart; and the log message
-- a batch of events was claimed for before it was sent, so that events Discord may already have
-- (the feed stopped between sending and marking them) are looked for rather than posted twice.
CREATE TABLE timeline_board (
    show_id    VARCHAR(64)                 NOT NULL,
    channel_id BIGINT                      NOT NULL,
    message_id BIGINT                      NOT NULL,
    posted_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_timeline_board PRIMARY KEY (show_id),
    CONSTRAINT fk_timeline_board_show FOREIGN KEY (show_id) REFERENCES show (id)
);

-- The first event id of the batch an event was claimed for; null until then.
ALTER TABLE timeline_event ADD COLUMN batch_id BIGINT;
