ALTER TABLE "profile" ADD COLUMN "max_rating" text DEFAULT '18+' NOT NULL;--> statement-breakpoint
ALTER TABLE "profile" ADD COLUMN "restricted_titles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_lock_setting" ADD COLUMN "ask_password_to_exit_kids" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Kids profiles watched only titles made for children, all rated All or 7+: they keep exactly that.
UPDATE "profile" SET "max_rating" = '7+' WHERE "is_kids";--> statement-breakpoint
ALTER TABLE "profile" ADD CONSTRAINT "profile_max_rating_known" CHECK ("profile"."max_rating" in ('All', '7+', '13+', '16+', '18+'));--> statement-breakpoint
ALTER TABLE "profile" ADD CONSTRAINT "profile_kids_max_rating" CHECK (not "profile"."is_kids" or "profile"."max_rating" in ('All', '7+', '13+'));--> statement-breakpoint
-- What a profile may watch is a claim of every session watching as it, like its name and Kids flag.
DROP TRIGGER profile_claims_changed ON "profile";--> statement-breakpoint
CREATE TRIGGER profile_claims_changed AFTER UPDATE ON "profile" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name
    OR OLD.is_kids IS DISTINCT FROM NEW.is_kids
    OR OLD.account_id IS DISTINCT FROM NEW.account_id
    OR OLD.max_rating IS DISTINCT FROM NEW.max_rating
    OR OLD.restricted_titles IS DISTINCT FROM NEW.restricted_titles)
  EXECUTE FUNCTION usher_row_changed('account_id');
