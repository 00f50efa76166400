-- The log message a batch of events was claimed for before it was sent: events Discord may already
-- have (the feed stopped between sending and marking them) are looked for rather than posted twice.
-- The first event id of the batch; null until the event is claimed.
ALTER TABLE timeline_event ADD COLUMN batch_id BIGINT;
