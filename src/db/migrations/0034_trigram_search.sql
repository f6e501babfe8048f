-- Trigram indexes make "contains" searches (ILIKE '%…%') use an index instead of reading every row.
-- PostgreSQL ships pg_trgm; the embedded database loads it from @electric-sql/pglite/contrib (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- An agenda item's searchable words in one text (title, outcome, topics, one per line), so one trigram
-- index serves the search. array_to_string is only STABLE in general (element types may print differently
-- under other settings); for text[] it cannot, so this wrapper is declared IMMUTABLE, as an index requires.
CREATE OR REPLACE FUNCTION agenda_item_words(title text, outcome text, topics text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT title || E'\n' || outcome || E'\n' || array_to_string(topics, E'\n') $$;
