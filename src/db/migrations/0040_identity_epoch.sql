CREATE TABLE "identity_epoch" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"epoch" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Whatever changes who may do what (the changes announced on `identity_changes`, migration
-- identity_change_notices) bumps the epoch once per transaction, in that transaction: a process that
-- reads the epoch sees it move exactly when the change becomes visible, with no wait for a notice.
-- The triggers are deferred to the commit, so the epoch row is locked last and only for the moment of
-- the commit: transactions changing identities in different orders cannot deadlock on it.
CREATE OR REPLACE FUNCTION bump_identity_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('coalition_desk.identity_epoch_bumped', true) IS DISTINCT FROM 'on' THEN
    -- The row is made by the first change (a fresh database holds no row, so a restore finds it empty).
    INSERT INTO identity_epoch (id, epoch) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET epoch = identity_epoch.epoch + 1;
    PERFORM set_config('coalition_desk.identity_epoch_bumped', 'on', true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- As for the notices, the once-a-minute touch of last_seen_at and a token's last use do not count.
CREATE CONSTRAINT TRIGGER sessions_epoch AFTER DELETE OR UPDATE OF user_id, stage, csrf_secret, expires_at ON sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_identity_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_epoch AFTER DELETE OR UPDATE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_identity_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER user_groups_epoch AFTER INSERT OR DELETE OR UPDATE ON user_groups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_identity_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER api_tokens_epoch AFTER DELETE OR UPDATE OF user_id, token_hash, expires_at, revoked_at ON api_tokens
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_identity_epoch();
--> statement-breakpoint
-- A table emptied (constraint triggers are per row only): bumped at once.
CREATE TRIGGER sessions_truncated_epoch AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION bump_identity_epoch();
--> statement-breakpoint
CREATE TRIGGER users_truncated_epoch AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_identity_epoch();
--> statement-breakpoint
CREATE TRIGGER user_groups_truncated_epoch AFTER TRUNCATE ON user_groups FOR EACH STATEMENT EXECUTE FUNCTION bump_identity_epoch();
--> statement-breakpoint
CREATE TRIGGER api_tokens_truncated_epoch AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION bump_identity_epoch();
