CREATE TABLE "serial_moves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"serial_id" uuid NOT NULL,
	"stock_move_id" uuid NOT NULL,
	"direction" smallint NOT NULL,
	"problem" text,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serial_numbers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"state" text NOT NULL,
	"warehouse_id" uuid,
	"batch_id" uuid,
	"first_seen_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "serial_numbers_product_serial" UNIQUE("product_id","serial")
);
--> statement-breakpoint
ALTER TABLE "serial_moves" ADD CONSTRAINT "serial_moves_serial_id_serial_numbers_id_fk" FOREIGN KEY ("serial_id") REFERENCES "public"."serial_numbers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serial_moves" ADD CONSTRAINT "serial_moves_stock_move_id_stock_moves_id_fk" FOREIGN KEY ("stock_move_id") REFERENCES "public"."stock_moves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serial_numbers" ADD CONSTRAINT "serial_numbers_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serial_numbers" ADD CONSTRAINT "serial_numbers_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "serial_moves_serial_idx" ON "serial_moves" USING btree ("serial_id");--> statement-breakpoint
CREATE INDEX "serial_moves_stock_move_idx" ON "serial_moves" USING btree ("stock_move_id");--> statement-breakpoint
CREATE INDEX "serial_numbers_serial_idx" ON "serial_numbers" USING btree ("serial");