-- CreateEnum
CREATE TYPE "whatsapp_template_kind" AS ENUM ('INVITATION', 'REMINDER', 'FOLLOW_UP');

-- CreateTable
CREATE TABLE "whatsapp_template" (
    "office_id" UUID NOT NULL,
    "kind" "whatsapp_template_kind" NOT NULL,
    "language" "language" NOT NULL,
    "body" TEXT NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "whatsapp_template_pkey" PRIMARY KEY ("office_id","kind","language")
);

-- AddForeignKey
ALTER TABLE "whatsapp_template" ADD CONSTRAINT "whatsapp_template_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;
