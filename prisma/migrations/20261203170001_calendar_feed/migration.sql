-- CreateTable
CREATE TABLE "calendar_feed" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "calendar_feed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feed_user_id_key" ON "calendar_feed"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feed_token_hash_key" ON "calendar_feed"("token_hash");

-- AddForeignKey
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AlterTable
ALTER TABLE "event" ADD COLUMN     "calendar_sequence" INTEGER NOT NULL DEFAULT 0;

-- A calendar entry changes when what it shows changes: each such update raises SEQUENCE by one,
-- whichever code path made it (edit, postpone, cancel, held), so phone calendars replace it.
CREATE FUNCTION event_calendar_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.title, NEW.theme, NEW.venue_name, NEW.venue_address, NEW.time_zone, NEW.starts_at, NEW.ends_at, NEW.status)
     IS DISTINCT FROM (OLD.title, OLD.theme, OLD.venue_name, OLD.venue_address, OLD.time_zone, OLD.starts_at, OLD.ends_at, OLD.status) THEN
    NEW.calendar_sequence := OLD.calendar_sequence + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER event_calendar_sequence BEFORE UPDATE ON event
  FOR EACH ROW EXECUTE FUNCTION event_calendar_sequence();
