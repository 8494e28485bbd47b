-- AlterTable
ALTER TABLE "attendee" ADD COLUMN     "client_id" UUID,
ADD COLUMN     "taken_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "attendance_count_entry" (
    "event_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "category" "attendee_category" NOT NULL,
    "male" INTEGER NOT NULL DEFAULT 0,
    "female" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_count_entry_pkey" PRIMARY KEY ("event_id","client_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "attendee_event_id_client_id_key" ON "attendee"("event_id", "client_id");

-- AddForeignKey
ALTER TABLE "attendance_count_entry" ADD CONSTRAINT "attendance_count_entry_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
