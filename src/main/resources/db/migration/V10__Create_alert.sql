-- Alerts raised once per show, such as 'not confirmed 30 min before the call' or 'model late'.
-- The primary key makes an alert go out once however often the check that raises it runs.
CREATE TABLE alert (
    show_id   VARCHAR(64)                 NOT NULL,
    alert_key VARCHAR(300)                NOT NULL,
    raised_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_alert PRIMARY KEY (show_id, alert_key),
    CONSTRAINT fk_alert_show FOREIGN KEY (show_id) REFERENCES show (id)
);
