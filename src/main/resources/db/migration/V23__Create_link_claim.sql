-- Someone in a show's server who says which line of its roster is theirs (/iam), kept from the claim
-- until a producer approves or refuses it: the buttons work after a restart, and a double click, or
-- two producers clicking at once, decide it once, as only one UPDATE can move it out of PENDING.
-- message_id is the producers' message with the buttons, once Discord holds it: a pending claim
-- without it is still to be put before them, which the next start or reconciliation does.
CREATE TABLE link_claim (
    id           BIGINT GENERATED ALWAYS AS IDENTITY,
    show_id      VARCHAR(64)                 NOT NULL,
    -- 'model:<name>' for a model, the account as the file gives it ('@username' or the id) for the crew
    person_key   VARCHAR(300)                NOT NULL,
    -- the line as the claimant chose it ("Siobhan Kelly (Hair)"): what producers approved stays told
    -- the same way after the show file changes
    person_label VARCHAR(300)                NOT NULL,
    -- who claims the line
    user_id      BIGINT                      NOT NULL,
    claimed_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    status       VARCHAR(16)                 NOT NULL,
    decided_by   BIGINT,
    decided_at   TIMESTAMP(9) WITH TIME ZONE,
    message_id   BIGINT,
    CONSTRAINT pk_link_claim PRIMARY KEY (id),
    CONSTRAINT fk_link_claim_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_link_claim_status CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    -- who approved or refused it, and when, are written with the status that says so
    CONSTRAINT ck_link_claim_decided CHECK (
        (status = 'PENDING' AND decided_by IS NULL AND decided_at IS NULL)
        OR (status <> 'PENDING' AND decided_by IS NOT NULL AND decided_at IS NOT NULL))
);

-- Claims are looked for per show: those waiting, and those whose claimant is still to be told.
CREATE INDEX ix_link_claim_show ON link_claim (show_id, status);
