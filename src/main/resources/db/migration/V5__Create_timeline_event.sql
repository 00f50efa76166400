-- The transactional outbox: events are written with the change they report and published to
-- Discord from here, so a crash or an outage loses nothing. kind has no check constraint so that
-- a new kind of event needs no migration.
CREATE TABLE timeline_event (
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    show_id       VARCHAR(64)                 NOT NULL,
    occurred_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    kind          VARCHAR(32)                 NOT NULL,
    actor_user_id BIGINT,
    subject       VARCHAR(300),
    text          VARCHAR(2000)               NOT NULL,
    published_at  TIMESTAMP(9) WITH TIME ZONE,
    message_id    BIGINT,
    CONSTRAINT pk_timeline_event PRIMARY KEY (id),
    CONSTRAINT fk_timeline_event_show FOREIGN KEY (show_id) REFERENCES show (id)
);

-- The feed asks for a show's unpublished events in id order.
CREATE INDEX ix_timeline_event_outbox ON timeline_event (show_id, published_at, id);
