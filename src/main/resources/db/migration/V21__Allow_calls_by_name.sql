-- Someone the show file names by a username nobody on the server has is called by name in the calls channel.
ALTER TABLE call_ping DROP CONSTRAINT ck_call_ping_outcome;
ALTER TABLE call_ping ADD CONSTRAINT ck_call_ping_outcome
    CHECK (outcome IN ('DM', 'CHANNEL', 'BY_NAME', 'ROLE', 'DROPPED'));
