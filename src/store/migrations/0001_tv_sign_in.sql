CREATE TABLE "tv_code" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_code_hash" text NOT NULL,
	"user_code" text NOT NULL,
	"client_id" text NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"interval_sec" integer NOT NULL,
	"last_polled_at" timestamp with time zone,
	"device_name" text NOT NULL,
	"user_agent" text,
	"ip" text,
	"created_at" timestamp with time zone NOT NULL,
	"account_id" uuid,
	"profile_id" uuid,
	"decided_at" timestamp with time zone,
	"session_id" text,
	CONSTRAINT "tv_code_device_code_hash_key" UNIQUE("device_code_hash")
);
--> statement-breakpoint
ALTER TABLE "tv_code" ADD CONSTRAINT "tv_code_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tv_code" ADD CONSTRAINT "tv_code_profile_id_profile_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profile"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tv_code_pending_user_code_key" ON "tv_code" USING btree ("user_code") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "tv_code_user_code_idx" ON "tv_code" USING btree ("user_code","created_at");