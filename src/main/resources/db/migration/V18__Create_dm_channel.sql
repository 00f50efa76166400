-- Each person's DM channel with the bot, opened once ahead of their first ping and kept: Discord
-- allows few DM-channel opens, and a DM channel never changes. No foreign key to a show: one person
-- may be in several shows, and the channel outlives them.
CREATE TABLE dm_channel (
    user_id    BIGINT                      NOT NULL,
    channel_id BIGINT                      NOT NULL,
    opened_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dm_channel PRIMARY KEY (user_id)
);
