-- The personal pages of people who are not on Discord (a link in the mail that gives them their call): a token's
-- SHA-256 only, never the token. A link is for one call; it stops when the show's links are rotated (the next
-- epoch) or when a producer links or unlinks its person on Discord (their next generation).
CREATE TABLE personal_link (
    token_hash CHAR(64)                    NOT NULL,
    show_id    VARCHAR(64)                 NOT NULL,
    call_key   VARCHAR(300)                NOT NULL,
    -- as in person_link: 'model:<name>' for a model, the account as the file gives it for the crew
    person_key VARCHAR(300)                NOT NULL,
    epoch      INTEGER                     NOT NULL,
    generation INTEGER                     NOT NULL,
    created_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT pk_personal_link PRIMARY KEY (token_hash),
    CONSTRAINT fk_personal_link_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_personal_link_generation CHECK (generation >= 0)
);
CREATE INDEX ix_personal_link_person ON personal_link (show_id, person_key);
