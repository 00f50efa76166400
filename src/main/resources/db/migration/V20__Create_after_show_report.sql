-- Each show's automatic after-show report: claimed before it is sent, then marked sent with the id
-- of the message Discord holds. A claim without that mark is sent again (with the same nonce) until
-- Discord takes it, so the report comes at least once and, with the nonce, never twice.
CREATE TABLE after_show_report (
    show_id    VARCHAR(64)                 NOT NULL,
    claimed_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP(9) WITH TIME ZONE,
    message_id BIGINT,
    CONSTRAINT pk_after_show_report PRIMARY KEY (show_id),
    CONSTRAINT fk_after_show_report_show FOREIGN KEY (show_id) REFERENCES show (id)
);
