-- Issue 18 parts 3 and 4 (ADR 0027): journey stages on material, the licensed agency (P3MI) list.
-- pg_trgm is created by an earlier migration (village search).
-- CreateEnum
CREATE TYPE "journey_stage" AS ENUM ('CONSIDERING', 'PREPARING', 'DEPARTING', 'ABROAD', 'RETURNING');

-- AlterTable
ALTER TABLE "material" ADD COLUMN     "journey_stage" "journey_stage";

-- CreateTable
CREATE TABLE "agency_import" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "source_date" DATE NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "imported_by_id" UUID,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licensed_agency" (
    "id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "licence_number" TEXT NOT NULL,
    "address" TEXT,
    "province" TEXT,
    "line" INTEGER NOT NULL,

    CONSTRAINT "licensed_agency_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agency_import_imported_at_idx" ON "agency_import"("imported_at");

-- CreateIndex
CREATE INDEX "licensed_agency_search_name_trgm_idx" ON "licensed_agency" USING GIN ("search_name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "licensed_agency_import_id_licence_number_key" ON "licensed_agency"("import_id", "licence_number");

-- CreateIndex
CREATE INDEX "material_journey_stage_status_idx" ON "material"("journey_stage", "status");

-- AddForeignKey
ALTER TABLE "agency_import" ADD CONSTRAINT "agency_import_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "licensed_agency" ADD CONSTRAINT "licensed_agency_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "agency_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;
