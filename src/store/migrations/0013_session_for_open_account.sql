-- No session is written for a locked account, whichever way in it came. The insert holds its
-- account's row (FOR SHARE) until its transaction ends: a lock that committed first is seen here,
-- and one that comes later waits for the sign-in to commit, then finds and revokes its session.
-- The refusal aborts the transaction, which the application rolls back (AccountLockedError).
CREATE FUNCTION usher_session_for_open_account() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  account_locked_at timestamptz;
BEGIN
  SELECT locked_at INTO account_locked_at FROM account WHERE id = NEW.account_id FOR SHARE;
  IF account_locked_at IS NOT NULL THEN
    RAISE EXCEPTION 'no session for a locked account' USING ERRCODE = 'UL001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_for_open_account BEFORE INSERT ON "session" FOR EACH ROW EXECUTE FUNCTION usher_session_for_open_account();
