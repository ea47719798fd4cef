ALTER TABLE "stock_rules" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "stock_takes" ADD COLUMN "location" text;