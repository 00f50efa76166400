-- Whoever claimed a roster line with /iam is told by a notice that goes through the ping table
-- like every other message to a person ('claim:<claim id>'), so none is lost or sent twice.
ALTER TABLE call_ping DROP CONSTRAINT ck_call_ping_ping;
ALTER TABLE call_ping ADD CONSTRAINT ck_call_ping_ping
    CHECK (ping = 'call' OR REGEXP_LIKE(ping, '^(reminder|moved|replaced|replanned|claim):[1-9][0-9]*$'));
