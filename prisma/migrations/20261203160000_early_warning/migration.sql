-- CreateEnum
CREATE TYPE "warning_category" AS ENUM ('TPPO_INDICATION', 'RECRUITER', 'FOREIGNER', 'PASSPORT_REQUEST', 'OTHER');

-- CreateEnum
CREATE TYPE "warning_urgency" AS ENUM ('NORMAL', 'URGENT');

-- CreateEnum
CREATE TYPE "warning_status" AS ENUM ('NEW', 'IN_VERIFICATION', 'NEEDS_INFO', 'IN_FOLLOW_UP', 'CLOSED_VALID', 'CLOSED_INVALID', 'CLOSED_DUPLICATE');

-- CreateEnum
CREATE TYPE "warning_source" AS ENUM ('VILLAGE', 'OFFICER', 'PUBLIC');

-- CreateEnum
CREATE TYPE "follow_up_type" AS ENUM ('COUNSELLING', 'COORDINATION_BP3MI', 'COORDINATION_POLICE', 'COORDINATION_DISNAKER', 'PASSPORT_HOLD', 'FOREIGNER_MONITORING', 'OTHER');

-- CreateEnum
CREATE TYPE "warning_step_kind" AS ENUM ('FILED', 'ROUTED', 'ASSIGNED', 'STATUS', 'VERIFIED', 'QUESTION', 'ANSWER', 'NOTE', 'FOLLOW_UP', 'FOLLOW_UP_DONE', 'MERGED', 'REMINDER', 'ACKNOWLEDGED');

-- CreateTable
CREATE TABLE "warning_sla_policy" (
    "category" "warning_category" NOT NULL,
    "hours" INTEGER NOT NULL DEFAULT 24,
    "urgent_hours" INTEGER NOT NULL DEFAULT 6,
    "warn_percent" INTEGER NOT NULL DEFAULT 75,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "warning_sla_policy_pkey" PRIMARY KEY ("category")
);

-- CreateTable
CREATE TABLE "warning_report" (
    "id" UUID NOT NULL,
    "ticket_code" TEXT NOT NULL,
    "tracking_code" TEXT,
    "source" "warning_source" NOT NULL,
    "category" "warning_category" NOT NULL,
    "urgency" "warning_urgency" NOT NULL DEFAULT 'NORMAL',
    "status" "warning_status" NOT NULL DEFAULT 'NEW',
    "description" TEXT NOT NULL,
    "occurred_on" DATE NOT NULL,
    "village_code" VARCHAR(13),
    "desa_binaan_id" UUID,
    "place" TEXT,
    "province_code" VARCHAR(2) NOT NULL,
    "office_id" UUID,
    "kanwil_id" UUID,
    "assigned_to_id" UUID,
    "filed_by_id" UUID,
    "people_involved" TEXT,
    "reporter_contact" TEXT,
    "consent_at" TIMESTAMPTZ(3),
    "filed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filed_month" DATE NOT NULL,
    "sla_hours" INTEGER NOT NULL,
    "warn_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "first_response_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "verification" JSONB,
    "merged_into_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "warning_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning_step" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "kind" "warning_step_kind" NOT NULL,
    "actor_id" UUID,
    "status" "warning_status",
    "body" TEXT,
    "for_reporter" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning_follow_up" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "type" "follow_up_type" NOT NULL,
    "description" TEXT,
    "owner_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "outcome" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning_attachment" (
    "report_id" UUID NOT NULL,
    "file_id" UUID NOT NULL,

    CONSTRAINT "warning_attachment_pkey" PRIMARY KEY ("report_id","file_id")
);

-- CreateTable
CREATE TABLE "warning_reminder" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "sent_by_id" UUID NOT NULL,
    "message" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,

    CONSTRAINT "warning_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning_office_month" (
    "office_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "filed" INTEGER NOT NULL DEFAULT 0,
    "responded" INTEGER NOT NULL DEFAULT 0,
    "within_sla" INTEGER NOT NULL DEFAULT 0,
    "median_minutes" DOUBLE PRECISION,

    CONSTRAINT "warning_office_month_pkey" PRIMARY KEY ("office_id","month")
);

-- CreateIndex
CREATE UNIQUE INDEX "warning_report_ticket_code_key" ON "warning_report"("ticket_code");

-- CreateIndex
CREATE UNIQUE INDEX "warning_report_tracking_code_key" ON "warning_report"("tracking_code");

-- CreateIndex
CREATE INDEX "warning_report_office_id_status_filed_at_idx" ON "warning_report"("office_id", "status", "filed_at");

-- CreateIndex
CREATE INDEX "warning_report_office_id_filed_month_idx" ON "warning_report"("office_id", "filed_month");

-- CreateIndex
CREATE INDEX "warning_report_kanwil_id_status_idx" ON "warning_report"("kanwil_id", "status");

-- CreateIndex
CREATE INDEX "warning_report_filed_by_id_filed_at_idx" ON "warning_report"("filed_by_id", "filed_at");

-- CreateIndex
CREATE INDEX "warning_report_filed_month_idx" ON "warning_report"("filed_month");

-- CreateIndex
CREATE INDEX "warning_report_due_at_idx" ON "warning_report"("due_at");

-- CreateIndex
CREATE INDEX "warning_step_report_id_at_idx" ON "warning_step"("report_id", "at");

-- CreateIndex
CREATE INDEX "warning_follow_up_report_id_idx" ON "warning_follow_up"("report_id");

-- CreateIndex
CREATE INDEX "warning_follow_up_owner_id_done_at_idx" ON "warning_follow_up"("owner_id", "done_at");

-- CreateIndex
CREATE UNIQUE INDEX "warning_attachment_file_id_key" ON "warning_attachment"("file_id");

-- CreateIndex
CREATE INDEX "warning_reminder_report_id_idx" ON "warning_reminder"("report_id");

-- CreateIndex
CREATE INDEX "warning_office_month_month_idx" ON "warning_office_month"("month");

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_kanwil_id_fkey" FOREIGN KEY ("kanwil_id") REFERENCES "kanwil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_filed_by_id_fkey" FOREIGN KEY ("filed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_report" ADD CONSTRAINT "warning_report_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "warning_report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_step" ADD CONSTRAINT "warning_step_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "warning_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_step" ADD CONSTRAINT "warning_step_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_follow_up" ADD CONSTRAINT "warning_follow_up_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "warning_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_follow_up" ADD CONSTRAINT "warning_follow_up_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_attachment" ADD CONSTRAINT "warning_attachment_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "warning_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_attachment" ADD CONSTRAINT "warning_attachment_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_reminder" ADD CONSTRAINT "warning_reminder_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "warning_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_reminder" ADD CONSTRAINT "warning_reminder_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_reminder" ADD CONSTRAINT "warning_reminder_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_office_month" ADD CONSTRAINT "warning_office_month_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Hand-written (ADR 0018) ─────────────────────────────────────────────────────────────

-- Open reports, for the queue's red flags and the "open / overdue" counts of every level.
CREATE INDEX "warning_report_open_idx" ON "warning_report" ("office_id", "due_at") WHERE "closed_at" IS NULL;
CREATE INDEX "warning_report_open_kanwil_idx" ON "warning_report" ("kanwil_id", "due_at") WHERE "closed_at" IS NULL;

-- The first-response target of every category: 24 hours, 6 when urgent, a warning at 75% (18 h).
INSERT INTO "warning_sla_policy" ("category", "hours", "urgent_hours", "warn_percent", "updated_at")
SELECT c, 24, 6, 75, now() FROM unnest(enum_range(NULL::"warning_category")) AS c;

-- Scores per office per month, recomputed for the (office, month) a report row touches. The
-- advisory lock serialises two writers of one office-month, and the SELECT after it sees the
-- other's committed row (READ COMMITTED takes a new snapshot per statement), so no count is lost.
CREATE FUNCTION warning_office_month_refresh(p_office uuid, p_month date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_filed int;
BEGIN
  IF p_office IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('warning_office_month'), hashtext(p_office::text || p_month::text));
  SELECT count(*) INTO v_filed FROM warning_report WHERE office_id = p_office AND filed_month = p_month;
  IF v_filed = 0 THEN
    DELETE FROM warning_office_month WHERE office_id = p_office AND month = p_month;
    RETURN;
  END IF;
  INSERT INTO warning_office_month AS m (office_id, month, filed, responded, within_sla, median_minutes)
  SELECT p_office, p_month, count(*), count(first_response_at),
         count(*) FILTER (WHERE first_response_at <= due_at),
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - filed_at) / 60)
           FILTER (WHERE first_response_at IS NOT NULL)
  FROM warning_report WHERE office_id = p_office AND filed_month = p_month
  ON CONFLICT (office_id, month) DO UPDATE SET
    filed = EXCLUDED.filed, responded = EXCLUDED.responded, within_sla = EXCLUDED.within_sla,
    median_minutes = EXCLUDED.median_minutes;
END $$;

CREATE FUNCTION warning_report_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM warning_office_month_refresh(NEW.office_id, NEW.filed_month);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.office_id IS DISTINCT FROM NEW.office_id OR OLD.filed_month <> NEW.filed_month)) THEN
    PERFORM warning_office_month_refresh(OLD.office_id, OLD.filed_month);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER warning_report_scores
AFTER INSERT OR DELETE OR UPDATE OF office_id, filed_month, first_response_at, due_at ON warning_report
FOR EACH ROW EXECUTE FUNCTION warning_report_scores();
