-- Support locks accounts; emails and texts name the account they are about, so that it can export
-- and erase them; the retention purge finds what has ended, oldest first.
ALTER TABLE "account" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account" ADD COLUMN "locked_reason" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("at");--> statement-breakpoint
CREATE INDEX "outbox_account_idx" ON "outbox" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "outbox_finished_idx" ON "outbox" USING btree (coalesce("sent_at", "failed_at"));--> statement-breakpoint
CREATE INDEX "session_ended_idx" ON "session" USING btree (coalesce("revoked_at", "expires_at"));--> statement-breakpoint
CREATE INDEX "stream_ended_idx" ON "stream" USING btree ("ended_at");--> statement-breakpoint
-- Deleting a session that had already ended (the retention purge) changes no answer a verifier
-- could give: only a live session's deletion is a change to hear.
DROP TRIGGER session_deleted ON "session";--> statement-breakpoint
CREATE TRIGGER session_deleted AFTER DELETE ON "session" FOR EACH ROW WHEN (OLD.revoked_at IS NULL)
  EXECUTE FUNCTION usher_row_changed('account_id');
