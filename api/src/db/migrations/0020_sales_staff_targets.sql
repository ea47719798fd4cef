CREATE TABLE "sales_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"salesperson_id" uuid,
	"month" text NOT NULL,
	"amount" bigint NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sales_targets_store_salesperson_month" UNIQUE NULLS NOT DISTINCT("store_id","salesperson_id","month"),
	CONSTRAINT "sales_targets_month" CHECK ("sales_targets"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "sales_targets_amount" CHECK ("sales_targets"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "salesperson_id" uuid;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD COLUMN "salesperson_id" uuid;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_salesperson_id_users_id_fk" FOREIGN KEY ("salesperson_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_salesperson_id_users_id_fk" FOREIGN KEY ("salesperson_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_salesperson_id_users_id_fk" FOREIGN KEY ("salesperson_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_salesperson_idx" ON "customers" USING btree ("salesperson_id");--> statement-breakpoint
CREATE INDEX "sales_orders_salesperson_idx" ON "sales_orders" USING btree ("salesperson_id");--> statement-breakpoint
-- Until now an order's salesperson was whoever created it.
UPDATE "sales_orders" SET "salesperson_id" = "created_by" WHERE "salesperson_id" IS NULL;
