CREATE TABLE "code_flow" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"account_id" uuid,
	"code_hash" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requester" jsonb NOT NULL,
	"password_proven" boolean,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "code_flow" ADD CONSTRAINT "code_flow_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "code_flow_account_purpose_idx" ON "code_flow" USING btree ("account_id","purpose");--> statement-breakpoint
CREATE INDEX "code_flow_expires_idx" ON "code_flow" USING btree ("expires_at");