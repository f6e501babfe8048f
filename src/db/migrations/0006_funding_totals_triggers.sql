-- Keeps funding_totals equal to the sums over funding_contributions, in the same transaction as each
-- write. Statement-level triggers with transition tables apply a whole batch (a thousand imported rows)
-- as one grouped upsert. A key whose contributions all move away keeps a row with zero contributions;
-- readers skip those.
-- A bulk import sets coalition_desk.defer_funding_totals for its own transaction and recomputes the
-- totals of the campaigns it touched once at the end: a thousand batches each updating the same keys
-- would leave a thousand dead versions of every key inside one transaction, and slow down as it goes.
CREATE FUNCTION funding_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('coalition_desk.defer_funding_totals', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO funding_totals AS t (campaign_id, partner_id, stage, status, theater_slug, channel, month, amount, contributions, illustrative_contributions)
    SELECT campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM'),
           -sum(amount_in_campaign_currency), -count(*), -count(*) FILTER (WHERE illustrative)
    FROM old_rows
    GROUP BY campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM')
    ON CONFLICT ON CONSTRAINT funding_totals_key DO UPDATE
      SET amount = t.amount + excluded.amount,
          contributions = t.contributions + excluded.contributions,
          illustrative_contributions = t.illustrative_contributions + excluded.illustrative_contributions;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO funding_totals AS t (campaign_id, partner_id, stage, status, theater_slug, channel, month, amount, contributions, illustrative_contributions)
    SELECT campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM'),
           sum(amount_in_campaign_currency), count(*), count(*) FILTER (WHERE illustrative)
    FROM new_rows
    GROUP BY campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM')
    ON CONFLICT ON CONSTRAINT funding_totals_key DO UPDATE
      SET amount = t.amount + excluded.amount,
          contributions = t.contributions + excluded.contributions,
          illustrative_contributions = t.illustrative_contributions + excluded.illustrative_contributions;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER funding_totals_after_insert AFTER INSERT ON funding_contributions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION funding_totals_apply();
--> statement-breakpoint
CREATE TRIGGER funding_totals_after_update AFTER UPDATE ON funding_contributions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION funding_totals_apply();
--> statement-breakpoint
CREATE TRIGGER funding_totals_after_delete AFTER DELETE ON funding_contributions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION funding_totals_apply();
--> statement-breakpoint
INSERT INTO funding_totals (campaign_id, partner_id, stage, status, theater_slug, channel, month, amount, contributions, illustrative_contributions)
SELECT campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM'),
       sum(amount_in_campaign_currency), count(*), count(*) FILTER (WHERE illustrative)
FROM funding_contributions
GROUP BY campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM');
