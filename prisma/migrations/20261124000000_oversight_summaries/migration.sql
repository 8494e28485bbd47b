-- AlterTable
ALTER TABLE "desa_binaan" ADD COLUMN     "last_held_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "office_month_sessions" (
    "office_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "status" "event_status" NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "reached" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "office_month_sessions_pkey" PRIMARY KEY ("office_id","month","status")
);

-- CreateTable
CREATE TABLE "office_month_reach" (
    "office_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "category" "attendee_category" NOT NULL,
    "male" INTEGER NOT NULL DEFAULT 0,
    "female" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "office_month_reach_pkey" PRIMARY KEY ("office_id","month","category")
);

-- CreateIndex
CREATE INDEX "office_month_sessions_month_idx" ON "office_month_sessions"("month");

-- CreateIndex
CREATE INDEX "office_month_reach_month_idx" ON "office_month_reach"("month");

-- CreateIndex
CREATE INDEX "desa_binaan_office_id_last_held_at_idx" ON "desa_binaan"("office_id", "last_held_at");

-- AddForeignKey
ALTER TABLE "office_month_sessions" ADD CONSTRAINT "office_month_sessions_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_month_reach" ADD CONSTRAINT "office_month_reach_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────── Kept on write (docs/decisions/0011) ─────────────────────────
-- Dashboards and reports over whole WIB months read these summaries instead of every session:
--   office_month_sessions: sessions and people per office, month and status;
--   office_month_reach:    people reached by HELD sessions per office, month and category;
--   desa_binaan.last_held_at: start of the village's latest HELD session.
-- rebuild_oversight_summaries() recomputes all three from scratch (backfill, bulk loads that
-- switch triggers off); a test checks that the triggers always agree with it.

-- The reporting month of an instant: the first day of its calendar month in WIB (ADR 0010).
CREATE FUNCTION wib_month(ts TIMESTAMPTZ) RETURNS DATE AS $$
  SELECT date_trunc('month', ts AT TIME ZONE 'Asia/Jakarta')::date
$$ LANGUAGE sql STABLE;

CREATE FUNCTION office_month_sessions_add(p_office UUID, p_month DATE, p_status "event_status", p_sessions INTEGER, p_reached INTEGER)
RETURNS void AS $$
  INSERT INTO "office_month_sessions" ("office_id", "month", "status", "sessions", "reached")
  VALUES (p_office, p_month, p_status, p_sessions, p_reached)
  ON CONFLICT ("office_id", "month", "status") DO UPDATE SET
    "sessions" = "office_month_sessions"."sessions" + EXCLUDED."sessions",
    "reached" = "office_month_sessions"."reached" + EXCLUDED."reached"
$$ LANGUAGE sql;

CREATE FUNCTION office_month_reach_add(p_office UUID, p_month DATE, p_category "attendee_category", p_male INTEGER, p_female INTEGER, p_unknown INTEGER)
RETURNS void AS $$
  INSERT INTO "office_month_reach" ("office_id", "month", "category", "male", "female", "unknown")
  VALUES (p_office, p_month, p_category, p_male, p_female, p_unknown)
  ON CONFLICT ("office_id", "month", "category") DO UPDATE SET
    "male" = "office_month_reach"."male" + EXCLUDED."male",
    "female" = "office_month_reach"."female" + EXCLUDED."female",
    "unknown" = "office_month_reach"."unknown" + EXCLUDED."unknown"
$$ LANGUAGE sql;

-- A session's own contribution, added (p_sign 1) or taken away (-1): one session and its
-- people in its status, and, if HELD, its people per category.
CREATE FUNCTION event_office_month_apply(p_event UUID, p_office UUID, p_starts TIMESTAMPTZ, p_status "event_status", p_sign INTEGER)
RETURNS void AS $$
DECLARE
  v_reached INTEGER;
BEGIN
  SELECT COALESCE(SUM("male" + "female" + "unknown"), 0) INTO v_reached FROM "event_reach" WHERE "event_id" = p_event;
  PERFORM office_month_sessions_add(p_office, wib_month(p_starts), p_status, p_sign, p_sign * v_reached);
  IF p_status = 'HELD' THEN
    PERFORM office_month_reach_add(p_office, wib_month(p_starts), r."category", p_sign * r."male", p_sign * r."female", p_sign * r."unknown")
    FROM "event_reach" r WHERE r."event_id" = p_event;
  END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION desa_binaan_refresh_last_held(p_ids UUID[]) RETURNS void AS $$
  UPDATE "desa_binaan" d SET "last_held_at" = (
    SELECT MAX(e."starts_at") FROM "event_village" ev JOIN "event" e ON e."id" = ev."event_id"
    WHERE ev."desa_binaan_id" = d."id" AND e."status" = 'HELD')
  WHERE d."id" = ANY(p_ids)
$$ LANGUAGE sql;

CREATE FUNCTION event_office_month() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM event_office_month_apply(OLD."id", OLD."office_id", OLD."starts_at", OLD."status", -1);
  END IF;
  PERFORM event_office_month_apply(NEW."id", NEW."office_id", NEW."starts_at", NEW."status", 1);
  IF TG_OP = 'UPDATE' AND (OLD."status" = 'HELD' OR NEW."status" = 'HELD') THEN
    PERFORM desa_binaan_refresh_last_held(ARRAY(SELECT "desa_binaan_id" FROM "event_village" WHERE "event_id" = NEW."id"));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER event_office_month
  AFTER INSERT OR UPDATE OF "office_id", "starts_at", "status" ON "event"
  FOR EACH ROW EXECUTE FUNCTION event_office_month();

-- Deletion is handled BEFORE the row goes: the foreign-key cascades (AFTER triggers) remove the
-- session's event_reach rows before any AFTER trigger of ours would run. The cascades' own
-- triggers then find no session and change nothing; event_village's refreshes last_held_at.
CREATE FUNCTION event_office_month_delete() RETURNS trigger AS $$
BEGIN
  PERFORM event_office_month_apply(OLD."id", OLD."office_id", OLD."starts_at", OLD."status", -1);
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER event_office_month_delete
  BEFORE DELETE ON "event"
  FOR EACH ROW EXECUTE FUNCTION event_office_month_delete();

-- A change to a session's reach moves its month's people, and its categories while it is HELD.
-- FOR SHARE waits for a
-- concurrent change of the session's status, month or office to commit and then reads its new
-- state, so the two never both miss (or both count) the same people.
CREATE FUNCTION event_reach_office_month() RETURNS trigger AS $$
DECLARE
  ev RECORD;
  v_event UUID;
BEGIN
  IF TG_OP = 'DELETE' THEN v_event := OLD."event_id"; ELSE v_event := NEW."event_id"; END IF;
  SELECT "office_id", "starts_at", "status" INTO ev FROM "event" WHERE "id" = v_event FOR SHARE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  PERFORM office_month_sessions_add(ev."office_id", wib_month(ev."starts_at"), ev."status", 0,
    CASE WHEN TG_OP = 'DELETE' THEN 0 ELSE NEW."male" + NEW."female" + NEW."unknown" END
    - CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD."male" + OLD."female" + OLD."unknown" END);
  IF ev."status" <> 'HELD' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM office_month_reach_add(ev."office_id", wib_month(ev."starts_at"), OLD."category", -OLD."male", -OLD."female", -OLD."unknown");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM office_month_reach_add(ev."office_id", wib_month(ev."starts_at"), NEW."category", NEW."male", NEW."female", NEW."unknown");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER event_reach_office_month
  AFTER INSERT OR DELETE OR UPDATE ON "event_reach"
  FOR EACH ROW EXECUTE FUNCTION event_reach_office_month();

CREATE FUNCTION event_village_last_held() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM "event" WHERE "id" = NEW."event_id" AND "status" = 'HELD') THEN
      PERFORM desa_binaan_refresh_last_held(ARRAY[NEW."desa_binaan_id"]);
    END IF;
  ELSE
    PERFORM desa_binaan_refresh_last_held(ARRAY[OLD."desa_binaan_id"]);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER event_village_last_held
  AFTER INSERT OR DELETE ON "event_village"
  FOR EACH ROW EXECUTE FUNCTION event_village_last_held();

CREATE FUNCTION rebuild_oversight_summaries() RETURNS void AS $$
BEGIN
  DELETE FROM "office_month_sessions";
  DELETE FROM "office_month_reach";
  INSERT INTO "office_month_sessions" ("office_id", "month", "status", "sessions", "reached")
    SELECT e."office_id", wib_month(e."starts_at"), e."status", COUNT(*), COALESCE(SUM(t."reached"), 0)
    FROM "event" e
    LEFT JOIN (SELECT "event_id", SUM("male" + "female" + "unknown") AS "reached" FROM "event_reach" GROUP BY 1) t ON t."event_id" = e."id"
    GROUP BY 1, 2, 3;
  INSERT INTO "office_month_reach" ("office_id", "month", "category", "male", "female", "unknown")
    SELECT e."office_id", wib_month(e."starts_at"), r."category", SUM(r."male"), SUM(r."female"), SUM(r."unknown")
    FROM "event" e JOIN "event_reach" r ON r."event_id" = e."id"
    WHERE e."status" = 'HELD' GROUP BY 1, 2, 3;
  UPDATE "desa_binaan" d SET "last_held_at" = h."last_held_at"
  FROM (
    SELECT b."id", MAX(e."starts_at") FILTER (WHERE e."status" = 'HELD') AS "last_held_at"
    FROM "desa_binaan" b
    LEFT JOIN "event_village" ev ON ev."desa_binaan_id" = b."id"
    LEFT JOIN "event" e ON e."id" = ev."event_id"
    GROUP BY b."id"
  ) h
  WHERE h."id" = d."id" AND d."last_held_at" IS DISTINCT FROM h."last_held_at";
END;
$$ LANGUAGE plpgsql;

-- Backfill what was there before the triggers.
SELECT rebuild_oversight_summaries();
