-- Someone who answers on their personal page, with no Discord account, is nobody on Discord: their answer, and
-- their arrival when they say they are here, are recorded without a user.
ALTER TABLE confirmation ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE arrival ALTER COLUMN marked_by DROP NOT NULL;
