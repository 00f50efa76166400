-- A show as last loaded from its file. Instants are UTC; precision 9 keeps a Java Instant
-- exactly as written, so what is read back compares equal to what was planned.
CREATE TABLE show (
    id                  VARCHAR(64)                 NOT NULL,
    name                VARCHAR(200)                NOT NULL,
    venue               VARCHAR(200),
    time_zone           VARCHAR(64)                 NOT NULL,
    starts_at           TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    guild_id            BIGINT                      NOT NULL,
    timeline_channel_id BIGINT                      NOT NULL,
    calls_channel_id    BIGINT                      NOT NULL,
    producer_role_id    BIGINT                      NOT NULL,
    pr_role_id          BIGINT                      NOT NULL,
    source_file         VARCHAR(1000)               NOT NULL,
    source_sha256       CHAR(64)                    NOT NULL,
    source_text         CLOB                        NOT NULL,
    loaded_at           TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_show PRIMARY KEY (id)
);
