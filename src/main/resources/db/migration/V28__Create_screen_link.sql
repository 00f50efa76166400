-- The links to the backstage screen, the lineup and the door: a token's SHA-256 only, never the token, so that
-- the database alone opens no page. A show's links change all at once: the next epoch, every older link revoked.
CREATE TABLE screen_link (
    token_hash CHAR(64)                    NOT NULL,
    show_id    VARCHAR(64)                 NOT NULL,
    -- 'SCREEN' and 'LINEUP', one per show and epoch; 'DOOR', one per PR or producer and epoch
    kind       VARCHAR(16)                 NOT NULL,
    -- whose door link it is; whose name the door's marks are made in
    user_id    BIGINT,
    epoch      INTEGER                     NOT NULL,
    created_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT pk_screen_link PRIMARY KEY (token_hash),
    CONSTRAINT fk_screen_link_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_screen_link_kind CHECK (kind IN ('SCREEN', 'LINEUP', 'DOOR')),
    CONSTRAINT ck_screen_link_door CHECK ((kind = 'DOOR') = (user_id IS NOT NULL))
);
CREATE INDEX ix_screen_link_show ON screen_link (show_id, epoch);
