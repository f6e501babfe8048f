-- An audit event appended in one statement (issue 20): taking the chain's lock, reading the last hash and
-- inserting the event linked to it cost three round trips while the lock was held, and a read of restricted
-- figures five (with its own BEGIN and COMMIT), so every audited request queued behind the others' round
-- trips. The application writes the event's canonical JSON (RFC 8785) up to the previous hash, the last of
-- its keys in canonical order; the hash of the whole is finished here with the previous hash read under the
-- lock, so it is the same SHA-256 as hashEvent's and `audit verify` checks it unchanged.
-- Each statement of a volatile function reads a fresh snapshot, so the last hash is read after the lock is
-- taken and sees the event of whoever held it before.
CREATE FUNCTION append_audit_event(
  p_occurred_at timestamptz,
  p_actor_user_id uuid,
  p_actor_label text,
  p_action text,
  p_entity_type text,
  p_entity_id text,
  p_ip text,
  p_detail jsonb,
  p_canonical_head text
) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  SELECT hash INTO previous FROM audit_events ORDER BY seq DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  INSERT INTO audit_events (occurred_at, actor_user_id, actor_label, action, entity_type, entity_id, ip, detail, prev_hash, hash)
  VALUES (p_occurred_at, p_actor_user_id, p_actor_label, p_action, p_entity_type, p_entity_id, p_ip, p_detail, previous,
          encode(sha256(convert_to(p_canonical_head || previous || '"}', 'UTF8')), 'hex'));
END;
$$;
