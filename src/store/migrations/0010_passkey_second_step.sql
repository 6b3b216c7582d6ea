-- A passkey is another way to sign in; asking for one after the password is a choice of its own.
-- Accounts with passkeys had that second step until now, and keep it.
CREATE TABLE "passkey_second_step" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "passkey_second_step" ADD CONSTRAINT "passkey_second_step_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "passkey_second_step" ("account_id", "since")
  SELECT "account_id", min("created_at") FROM "passkey" GROUP BY "account_id";
