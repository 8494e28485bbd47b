-- AlterTable
ALTER TABLE "warning_report" ADD COLUMN     "purged_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "warning_report_closed_at_idx" ON "warning_report"("closed_at");
