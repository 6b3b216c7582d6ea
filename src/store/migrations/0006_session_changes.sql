CREATE TABLE "session_change" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "session_change_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usher_node" (
	"id" text PRIMARY KEY NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "session_change_at_idx" ON "session_change" USING btree ("at");--> statement-breakpoint
-- Logs and notifies one change per account and transaction, inside the changing transaction:
-- a crash between commit and publish cannot lose it, and a rolled-back change is never heard.
-- The transaction's own changes are kept in a transaction-local setting ("<xid> account=seq …"),
-- which the application reads before committing so that it can wait for the platform's verifiers
-- to hear them. A value left by anything but this transaction is not believed.
CREATE FUNCTION usher_log_session_change(changed_account uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  this_transaction text := txid_current()::text;
  logged text := coalesce(current_setting('usher.session_changes', true), '');
  change_seq bigint;
BEGIN
  IF split_part(logged, ' ', 1) <> this_transaction THEN
    logged := this_transaction;
  END IF;
  -- A transaction's rows become visible together at commit: one change per account says it all.
  IF position(' ' || changed_account::text || '=' IN logged) > 0 THEN
    RETURN;
  END IF;
  INSERT INTO session_change (account_id) VALUES (changed_account) RETURNING seq INTO change_seq;
  PERFORM pg_notify('usher_session_changes', change_seq::text || ' ' || changed_account::text);
  PERFORM set_config('usher.session_changes', logged || ' ' || changed_account::text || '=' || change_seq::text, true);
END $$;
--> statement-breakpoint
-- For UPDATE and DELETE triggers; TG_ARGV[0] names the column holding the account id.
CREATE FUNCTION usher_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM usher_log_session_change((to_jsonb(OLD) ->> TG_ARGV[0])::uuid);
  -- An update that moves the row to another account changes both.
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) ->> TG_ARGV[0]) <> (to_jsonb(OLD) ->> TG_ARGV[0]) THEN
    PERFORM usher_log_session_change((to_jsonb(NEW) ->> TG_ARGV[0])::uuid);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A session revoked, moved to another token, account, profile or device name, or cut short. Touching it
-- (last seen, address, a later expiry) changes no answer a verifier caches for longer.
CREATE TRIGGER session_claims_changed AFTER UPDATE ON "session" FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at
    OR OLD.id IS DISTINCT FROM NEW.id
    OR OLD.account_id IS DISTINCT FROM NEW.account_id
    OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
    OR OLD.profile_id IS DISTINCT FROM NEW.profile_id
    OR OLD.device_kind IS DISTINCT FROM NEW.device_kind
    OR OLD.device_name IS DISTINCT FROM NEW.device_name
    OR OLD.aal IS DISTINCT FROM NEW.aal
    OR OLD.authenticated_at IS DISTINCT FROM NEW.authenticated_at
    OR NEW.expires_at < OLD.expires_at)
  EXECUTE FUNCTION usher_row_changed('account_id');
--> statement-breakpoint
CREATE TRIGGER session_deleted AFTER DELETE ON "session" FOR EACH ROW EXECUTE FUNCTION usher_row_changed('account_id');
--> statement-breakpoint
-- A profile's name and Kids flag are claims of every session watching as it.
CREATE TRIGGER profile_claims_changed AFTER UPDATE ON "profile" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.is_kids IS DISTINCT FROM NEW.is_kids OR OLD.account_id IS DISTINCT FROM NEW.account_id)
  EXECUTE FUNCTION usher_row_changed('account_id');
--> statement-breakpoint
CREATE TRIGGER profile_deleted AFTER DELETE ON "profile" FOR EACH ROW EXECUTE FUNCTION usher_row_changed('account_id');
--> statement-breakpoint
-- The plan is a claim of every session of the account; deleting the account ends them all.
CREATE TRIGGER account_claims_changed AFTER UPDATE ON "account" FOR EACH ROW
  WHEN (OLD.plan IS DISTINCT FROM NEW.plan)
  EXECUTE FUNCTION usher_row_changed('id');
--> statement-breakpoint
CREATE TRIGGER account_deleted AFTER DELETE ON "account" FOR EACH ROW EXECUTE FUNCTION usher_row_changed('id');
