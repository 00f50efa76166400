-- Whoever's call a plan update moved is told by a notice that goes through the ping table like
-- every other message to a person ('replanned:<upload id>'), so none is lost or sent twice.
ALTER TABLE call_ping DROP CONSTRAINT ck_call_ping_ping;
ALTER TABLE call_ping ADD CONSTRAINT ck_call_ping_ping
    CHECK (ping = 'call' OR REGEXP_LIKE(ping, '^(reminder|moved|replaced|replanned):[1-9][0-9]*$'));
