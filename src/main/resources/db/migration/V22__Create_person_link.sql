-- Who someone on a show's roster is on Discord, as a producer said with /link or approved with /iam. Kept
-- apart from the show file, so it survives restarts and new versions of the file; it comes before the id or
-- username the file gives.
CREATE TABLE person_link (
    show_id    VARCHAR(64)                 NOT NULL,
    -- 'model:<name>' for a model, the account as the file gives it ('@username' or the id) for the crew
    person_key VARCHAR(300)                NOT NULL,
    user_id    BIGINT                      NOT NULL,
    linked_by  BIGINT                      NOT NULL,
    linked_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_person_link PRIMARY KEY (show_id, person_key),
    CONSTRAINT fk_person_link_show FOREIGN KEY (show_id) REFERENCES show (id)
);
