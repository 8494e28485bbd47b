-- AlterTable
ALTER TABLE "office" ADD COLUMN     "service_hours" TEXT;
