-- A step of an escalation ladder is taken once, through the ping table like every other message:
-- 'escalate:unconfirmed:<step>' or 'escalate:absent:<step>', steps counted from 1.
ALTER TABLE call_ping DROP CONSTRAINT ck_call_ping_ping;
ALTER TABLE call_ping ADD CONSTRAINT ck_call_ping_ping
    CHECK (ping = 'call' OR ping = 'callsheet'
        OR REGEXP_LIKE(ping, '^(reminder|moved|replaced|replanned|claim):[1-9][0-9]*$')
        OR REGEXP_LIKE(ping, '^callsheet:[0-9a-f]{12}$')
        OR REGEXP_LIKE(ping, '^escalate:(unconfirmed|absent):[1-9][0-9]*$'));
