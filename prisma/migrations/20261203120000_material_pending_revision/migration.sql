-- AlterTable
ALTER TABLE "material_revision" ADD COLUMN     "pending" BOOLEAN NOT NULL DEFAULT false;
