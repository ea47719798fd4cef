CREATE TABLE "period_closes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "period_closes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"action" text NOT NULL,
	"month" text NOT NULL,
	"closed_through" date,
	"user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "period_closes_action" CHECK ("period_closes"."action" IN ('close', 'reopen'))
);
--> statement-breakpoint
ALTER TABLE "period_closes" ADD CONSTRAINT "period_closes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Closing is recorded, never rewritten: a reopen is another row.
CREATE TRIGGER period_closes_append_only BEFORE UPDATE OR DELETE ON period_closes
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- Nothing is posted into a closed month, whatever code inserts the entry. The application
-- refuses (or, for a till's late sale, moves to the first open day) before it gets here;
-- this fires only when a close commits between that check and the insert, so it reports
-- a serialisation failure (40001): the till sync retries the event, which then reads the
-- new closed-through date. Once per statement, so a batch of sales costs one look-up.
CREATE FUNCTION refuse_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  through date;
  refused date;
BEGIN
  SELECT closed_through INTO through FROM period_closes ORDER BY seq DESC LIMIT 1;
  IF through IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT min(entry_date) INTO refused FROM inserted WHERE entry_date <= through;
  IF refused IS NOT NULL THEN
    RAISE EXCEPTION 'period_closed: the books are closed through %, an entry dated % is refused', through, refused
      USING ERRCODE = '40001';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_open_period AFTER INSERT ON journal_entries
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION refuse_closed_period();
