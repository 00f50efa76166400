-- Everyone's call sheet, sent ahead ('callsheet'), and the lines of it a new plan changed ('callsheet:<version>', 12
-- hexadecimal digits), go through the ping table like every other message to a person, so none is lost or sent twice.
ALTER TABLE call_ping DROP CONSTRAINT ck_call_ping_ping;
ALTER TABLE call_ping ADD CONSTRAINT ck_call_ping_ping
    CHECK (ping = 'call' OR ping = 'callsheet'
        OR REGEXP_LIKE(ping, '^(reminder|moved|replaced|replanned|claim):[1-9][0-9]*$')
        OR REGEXP_LIKE(ping, '^callsheet:[0-9a-f]{12}$'));
