-- Processes keep figures derived from many rows in memory (platform/figure-cache.ts): the funding
-- overview's totals, the number of readouts waiting for someone. Whatever changes the tables they come
-- from announces it on the channel `figure_changes` when its transaction commits (one notice per topic
-- and transaction: PostgreSQL folds identical notices), so every process forgets its copies at once.
CREATE OR REPLACE FUNCTION notify_figure_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('figure_changes', TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER funding_campaigns_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON funding_campaigns FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('funding');
--> statement-breakpoint
CREATE TRIGGER funding_contributions_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON funding_contributions FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('funding');
--> statement-breakpoint
CREATE TRIGGER funding_fulfilments_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON funding_fulfilments FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('funding');
--> statement-breakpoint
CREATE TRIGGER funding_totals_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON funding_totals FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('funding');
--> statement-breakpoint
CREATE TRIGGER readouts_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON readouts FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('readouts');
--> statement-breakpoint
CREATE TRIGGER readout_versions_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON readout_versions FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('readouts');
--> statement-breakpoint
CREATE TRIGGER readout_clearances_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON readout_clearances FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('readouts');
--> statement-breakpoint
CREATE TRIGGER meetings_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('readouts');
--> statement-breakpoint
CREATE TRIGGER group_members_figure_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_members FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('readouts');
