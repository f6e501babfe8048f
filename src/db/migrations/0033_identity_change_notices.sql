-- Processes keep signed-in sessions and the accounts behind them in memory (platform/identity-cache.ts).
-- Whatever changes them, by any path and in any process, announces it on the channel `identity_changes`
-- when its transaction commits, so every process forgets its copy at once (sign-out, a disabled account,
-- a changed role or group, a revoked token). Payload: `session:<id hash>`, `user:<id>`, `token:<hash>`, or `all`.
CREATE OR REPLACE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changes', 'session:' || OLD.id_hash);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changes', 'user:' || OLD.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION notify_membership_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    PERFORM pg_notify('identity_changes', 'user:' || NEW.user_id);
  END IF;
  IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
    PERFORM pg_notify('identity_changes', 'user:' || OLD.user_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION notify_token_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changes', 'token:' || OLD.token_hash);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION notify_identity_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changes', 'all');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The once-a-minute touch of last_seen_at is not announced: each process checks idleness against the table itself.
CREATE TRIGGER sessions_changed AFTER DELETE OR UPDATE OF user_id, stage, csrf_secret, expires_at ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_session_change();
--> statement-breakpoint
CREATE TRIGGER users_changed AFTER DELETE OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_account_change();
--> statement-breakpoint
CREATE TRIGGER user_groups_changed AFTER INSERT OR DELETE OR UPDATE ON user_groups
  FOR EACH ROW EXECUTE FUNCTION notify_membership_change();
--> statement-breakpoint
-- Recording use (last_used_at) is not announced either.
CREATE TRIGGER api_tokens_changed AFTER DELETE OR UPDATE OF user_id, token_hash, expires_at, revoked_at ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION notify_token_change();
--> statement-breakpoint
CREATE TRIGGER sessions_truncated AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_truncate();
--> statement-breakpoint
CREATE TRIGGER users_truncated AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_truncate();
--> statement-breakpoint
CREATE TRIGGER user_groups_truncated AFTER TRUNCATE ON user_groups FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_truncate();
--> statement-breakpoint
CREATE TRIGGER api_tokens_truncated AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_truncate();
