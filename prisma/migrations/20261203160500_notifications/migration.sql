-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REPORT_NEW', 'REPORT_ASSIGNED', 'REPORT_SLA_WARNING', 'REPORT_OVERDUE', 'REPORT_REMINDER', 'REPORT_ANSWER', 'REPORT_STATUS');

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "emailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_recipient_id_created_at_idx" ON "notification"("recipient_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notification_recipient_id_read_at_idx" ON "notification"("recipient_id", "read_at");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
