-- A new version of a show file that a producer uploaded (or had re-read from disk), kept from the
-- moment its changes are shown until it is applied or cancelled: Apply works after a restart, and a
-- double click applies it once, as only one UPDATE can move it out of PENDING. base_sha256 is the
-- stored file its changes were worked out against: once the show holds another, they no longer hold.
CREATE TABLE plan_upload (
    id           BIGINT GENERATED ALWAYS AS IDENTITY,
    show_id      VARCHAR(64)                 NOT NULL,
    base_sha256  CHAR(64)                    NOT NULL,
    file_name    VARCHAR(300)                NOT NULL,
    -- the file as uploaded; showcall takes at most 256 KiB
    source_text  VARCHAR(262144)             NOT NULL,
    uploaded_by  BIGINT                      NOT NULL,
    uploaded_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    status       VARCHAR(16)                 NOT NULL,
    decided_by   BIGINT,
    decided_at   TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT pk_plan_upload PRIMARY KEY (id),
    CONSTRAINT fk_plan_upload_show FOREIGN KEY (show_id) REFERENCES show (id),
    CONSTRAINT ck_plan_upload_status CHECK (status IN ('PENDING', 'APPLIED', 'CANCELLED')),
    -- who applied or cancelled it, and when, are written with the status that says so
    CONSTRAINT ck_plan_upload_decided CHECK (
        (status = 'PENDING' AND decided_by IS NULL AND decided_at IS NULL)
        OR (status <> 'PENDING' AND decided_by IS NOT NULL AND decided_at IS NOT NULL))
);
