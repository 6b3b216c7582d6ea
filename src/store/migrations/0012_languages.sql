ALTER TABLE "account" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "account" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "profile" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_language_known" CHECK ("account"."language" in ('en', 'es', 'ar'));--> statement-breakpoint
ALTER TABLE "profile" ADD CONSTRAINT "profile_language_known" CHECK ("profile"."language" in ('en', 'es', 'ar'));