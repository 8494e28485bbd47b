-- CreateTable
CREATE TABLE "event_reach" (
    "event_id" UUID NOT NULL,
    "category" "attendee_category" NOT NULL,
    "male" INTEGER NOT NULL DEFAULT 0,
    "female" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "event_reach_pkey" PRIMARY KEY ("event_id","category")
);

-- CreateIndex
CREATE INDEX "event_office_id_status_starts_at_idx" ON "event"("office_id", "status", "starts_at");

-- AddForeignKey
ALTER TABLE "event_reach" ADD CONSTRAINT "event_reach_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Maintained on write (ADR 0008): every change to a named attendee or to a count moves the
-- per-session, per-category totals. Removals only UPDATE, so an attendee deleted by the cascade
-- of its session's deletion never re-creates a row for a session that is going away.
CREATE FUNCTION event_reach_add(p_event UUID, p_category "attendee_category", p_male INTEGER, p_female INTEGER, p_unknown INTEGER)
RETURNS void AS $$
BEGIN
  IF p_male >= 0 AND p_female >= 0 AND p_unknown >= 0 THEN
    INSERT INTO "event_reach" ("event_id", "category", "male", "female", "unknown")
    VALUES (p_event, p_category, p_male, p_female, p_unknown)
    ON CONFLICT ("event_id", "category") DO UPDATE SET
      "male" = "event_reach"."male" + EXCLUDED."male",
      "female" = "event_reach"."female" + EXCLUDED."female",
      "unknown" = "event_reach"."unknown" + EXCLUDED."unknown";
  ELSE
    UPDATE "event_reach" SET
      "male" = "male" + p_male,
      "female" = "female" + p_female,
      "unknown" = "unknown" + p_unknown
    WHERE "event_id" = p_event AND "category" = p_category;
  END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION attendee_event_reach() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM event_reach_add(OLD."event_id", OLD."category",
      -(OLD."gender" IS NOT DISTINCT FROM 'L')::INTEGER,
      -(OLD."gender" IS NOT DISTINCT FROM 'P')::INTEGER,
      -(OLD."gender" IS NULL)::INTEGER);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM event_reach_add(NEW."event_id", NEW."category",
      (NEW."gender" IS NOT DISTINCT FROM 'L')::INTEGER,
      (NEW."gender" IS NOT DISTINCT FROM 'P')::INTEGER,
      (NEW."gender" IS NULL)::INTEGER);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER attendee_event_reach
  AFTER INSERT OR DELETE OR UPDATE OF "event_id", "category", "gender" ON "attendee"
  FOR EACH ROW EXECUTE FUNCTION attendee_event_reach();

CREATE FUNCTION attendance_count_event_reach() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM event_reach_add(OLD."event_id", OLD."category", -OLD."male", -OLD."female", -OLD."unknown");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM event_reach_add(NEW."event_id", NEW."category", NEW."male", NEW."female", NEW."unknown");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER attendance_count_event_reach
  AFTER INSERT OR DELETE OR UPDATE OF "event_id", "category", "male", "female", "unknown" ON "attendance_count"
  FOR EACH ROW EXECUTE FUNCTION attendance_count_event_reach();

-- Backfill what was there before the triggers.
INSERT INTO "event_reach" ("event_id", "category", "male", "female", "unknown")
SELECT "event_id", "category", SUM("male"), SUM("female"), SUM("unknown") FROM (
  SELECT "event_id", "category",
    ("gender" IS NOT DISTINCT FROM 'L')::INTEGER AS "male",
    ("gender" IS NOT DISTINCT FROM 'P')::INTEGER AS "female",
    ("gender" IS NULL)::INTEGER AS "unknown"
  FROM "attendee"
  UNION ALL
  SELECT "event_id", "category", "male", "female", "unknown" FROM "attendance_count"
) AS "all_reach"
GROUP BY "event_id", "category";
