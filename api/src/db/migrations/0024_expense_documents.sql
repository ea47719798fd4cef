CREATE TABLE "expense_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"document_date" date NOT NULL,
	"account_code" text NOT NULL,
	"store_id" uuid,
	"description" text NOT NULL,
	"amount" bigint NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"method" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expense_documents_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "expense_documents" ADD CONSTRAINT "expense_documents_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_documents" ADD CONSTRAINT "expense_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expense_documents_date_idx" ON "expense_documents" USING btree ("document_date");--> statement-breakpoint
-- An expense document is corrected by another one, never edited.
CREATE TRIGGER expense_documents_append_only BEFORE UPDATE OR DELETE ON expense_documents
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
