CREATE TABLE "stream" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"session_id" text NOT NULL,
	"profile_id" uuid,
	"title_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_heartbeat_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text
);
--> statement-breakpoint
ALTER TABLE "stream" ADD CONSTRAINT "stream_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream" ADD CONSTRAINT "stream_session_id_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream" ADD CONSTRAINT "stream_profile_id_profile_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profile"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stream_account_live_idx" ON "stream" USING btree ("account_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "stream_session_idx" ON "stream" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "stream_account_started_idx" ON "stream" USING btree ("account_id","started_at");--> statement-breakpoint
-- A stream's end is news to the device that played it (its open screens hear `stream-ended`, on
-- whichever node they are open) and to every service caching the account's sessions.
CREATE TRIGGER stream_ended AFTER UPDATE ON "stream" FOR EACH ROW
  WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
  EXECUTE FUNCTION usher_row_changed('account_id');
