ALTER TABLE "categories" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "revision" bigint DEFAULT nextval('catalogue_revision') NOT NULL;--> statement-breakpoint
CREATE INDEX "categories_revision_idx" ON "categories" USING btree ("revision");