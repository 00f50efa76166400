-- Someone with an email and no Discord showcall can reach is called, reminded and sent the call sheet by email.
ALTER TABLE call_ping DROP CONSTRAINT ck_call_ping_outcome;
ALTER TABLE call_ping ADD CONSTRAINT ck_call_ping_outcome
    CHECK (outcome IN ('DM', 'EMAIL', 'CHANNEL', 'BY_NAME', 'ROLE', 'DROPPED'));
