-- Trigram search over village and regency names (see docs/decisions/0003).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "office_class" AS ENUM ('KELAS_I_TPI', 'KELAS_I_NON_TPI', 'KELAS_II_TPI', 'KELAS_II_NON_TPI');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('NATIONAL_ADMIN', 'REGIONAL_OVERSEER', 'OFFICE_ADMIN', 'OFFICE_OFFICER', 'VILLAGE');

-- CreateEnum
CREATE TYPE "village_stage" AS ENUM ('PROPOSED', 'SOCIALISED', 'DECLARED', 'INAUGURATED', 'MENTORING', 'INACTIVE');

-- CreateEnum
CREATE TYPE "contact_role" AS ENUM ('KEPALA_DESA', 'SEKRETARIS_DESA', 'PERANGKAT_DESA', 'KADER', 'CAMAT', 'LURAH', 'BABINSA', 'BHABINKAMTIBMAS', 'TOKOH_MASYARAKAT', 'LAINNYA');

-- CreateEnum
CREATE TYPE "institution_kind" AS ENUM ('IMIGRASI', 'KP2MI', 'BP3MI', 'DISNAKER', 'PEMDA', 'KECAMATAN', 'DESA', 'KEMENKUMHAM', 'KEPOLISIAN', 'SEKOLAH', 'LAINNYA');

-- CreateEnum
CREATE TYPE "event_type" AS ENUM ('SOSIALISASI', 'PENCANANGAN', 'PERESMIAN', 'PENDAMPINGAN', 'RAPAT_KOORDINASI', 'KAMPANYE');

-- CreateEnum
CREATE TYPE "event_status" AS ENUM ('SCHEDULED', 'POSTPONED', 'CANCELLED', 'HELD');

-- CreateEnum
CREATE TYPE "attendee_category" AS ENUM ('KEPALA_DESA', 'LURAH', 'PERANGKAT_DESA', 'KADER', 'CPMI', 'PMI_PURNA', 'WARGA', 'PELAJAR', 'CAMAT', 'INSTANSI', 'LAINNYA');

-- CreateEnum
CREATE TYPE "gender" AS ENUM ('L', 'P');

-- CreateEnum
CREATE TYPE "attendee_source" AS ENUM ('STAFF', 'IMPORT', 'CHECK_IN');

-- CreateEnum
CREATE TYPE "material_category" AS ENUM ('TPPO', 'TPPM', 'MIGRASI_AMAN', 'PASPOR', 'BEKERJA_PROSEDURAL');

-- CreateEnum
CREATE TYPE "language" AS ENUM ('ID', 'EN');

-- CreateEnum
CREATE TYPE "material_status" AS ENUM ('DRAFT', 'PUBLISHED', 'UNPUBLISHED');

-- CreateTable
CREATE TABLE "province" (
    "code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,

    CONSTRAINT "province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "regency" (
    "code" VARCHAR(5) NOT NULL,
    "province_code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "regency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "district" (
    "code" VARCHAR(8) NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,
    "province_code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "district_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "village" (
    "code" VARCHAR(13) NOT NULL,
    "district_code" VARCHAR(8) NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,
    "province_code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "village_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "kanwil" (
    "id" UUID NOT NULL,
    "province_code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,

    CONSTRAINT "kanwil_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "office" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "office_class" "office_class" NOT NULL,
    "kanwil_id" UUID NOT NULL,
    "province_code" VARCHAR(2) NOT NULL,
    "address" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "head_name" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "office_regency" (
    "office_id" UUID NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,

    CONSTRAINT "office_regency_pkey" PRIMARY KEY ("office_id","regency_code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "nip" TEXT,
    "phone" TEXT,
    "position" TEXT,
    "office_id" UUID,
    "kanwil_id" UUID,
    "desa_binaan_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "disabled_at" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "desa_binaan" (
    "id" UUID NOT NULL,
    "village_code" VARCHAR(13) NOT NULL,
    "office_id" UUID NOT NULL,
    "stage" "village_stage" NOT NULL DEFAULT 'PROPOSED',
    "stage_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "selection_reason" TEXT,
    "migrant_worker_count" INTEGER,
    "prospective_count" INTEGER,
    "figures_year" INTEGER,
    "is_desa_migran_emas" BOOLEAN NOT NULL DEFAULT false,
    "is_desmigratif" BOOLEAN NOT NULL DEFAULT false,
    "whatsapp_group_url" TEXT,
    "decree_number" TEXT,
    "decree_date" DATE,
    "declared_on" DATE,
    "inaugurated_on" DATE,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "desa_binaan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "desa_binaan_stage_change" (
    "id" UUID NOT NULL,
    "desa_binaan_id" UUID NOT NULL,
    "from_stage" "village_stage",
    "to_stage" "village_stage" NOT NULL,
    "effective_on" DATE NOT NULL,
    "note" TEXT,
    "decree_number" TEXT,
    "event_id" UUID,
    "changed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "desa_binaan_stage_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "desa_binaan_officer" (
    "desa_binaan_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "decree_number" TEXT,
    "assigned_on" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "desa_binaan_officer_pkey" PRIMARY KEY ("desa_binaan_id","user_id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" UUID NOT NULL,
    "desa_binaan_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "contact_role" NOT NULL,
    "position" TEXT,
    "phone" TEXT,
    "has_whatsapp" BOOLEAN NOT NULL DEFAULT true,
    "consent_at" TIMESTAMPTZ(3),
    "active_from" DATE NOT NULL,
    "active_until" DATE,
    "replaced_by_id" UUID,
    "notes" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "institution" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "institution_kind" NOT NULL,
    "office_id" UUID,
    "province_code" VARCHAR(2),
    "phone" TEXT,
    "website" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "type" "event_type" NOT NULL,
    "status" "event_status" NOT NULL DEFAULT 'SCHEDULED',
    "title" TEXT NOT NULL,
    "theme" TEXT,
    "description" TEXT,
    "venue_name" TEXT NOT NULL,
    "venue_address" TEXT,
    "venue_village_code" VARCHAR(13),
    "time_zone" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "status_reason" TEXT,
    "check_in_code" TEXT NOT NULL,
    "check_in_open" BOOLEAN NOT NULL DEFAULT false,
    "report_notes" TEXT,
    "follow_ups" TEXT,
    "whatsapp_group_shared" BOOLEAN NOT NULL DEFAULT false,
    "held_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_village" (
    "event_id" UUID NOT NULL,
    "desa_binaan_id" UUID NOT NULL,

    CONSTRAINT "event_village_pkey" PRIMARY KEY ("event_id","desa_binaan_id")
);

-- CreateTable
CREATE TABLE "event_speaker" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "institution_id" UUID,
    "topic" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "event_speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_partner" (
    "event_id" UUID NOT NULL,
    "institution_id" UUID NOT NULL,

    CONSTRAINT "event_partner_pkey" PRIMARY KEY ("event_id","institution_id")
);

-- CreateTable
CREATE TABLE "attendee" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "category" "attendee_category" NOT NULL,
    "position" TEXT,
    "desa_binaan_id" UUID,
    "institution_name" TEXT,
    "gender" "gender",
    "phone" TEXT,
    "consent_at" TIMESTAMPTZ(3),
    "source" "attendee_source" NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_count" (
    "event_id" UUID NOT NULL,
    "category" "attendee_category" NOT NULL,
    "male" INTEGER NOT NULL DEFAULT 0,
    "female" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "attendance_count_pkey" PRIMARY KEY ("event_id","category")
);

-- CreateTable
CREATE TABLE "event_photo" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "file_id" UUID NOT NULL,
    "caption" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_file" (
    "id" UUID NOT NULL,
    "office_id" UUID,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "data" BYTEA NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material" (
    "id" UUID NOT NULL,
    "office_id" UUID,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "category" "material_category" NOT NULL,
    "language" "language" NOT NULL DEFAULT 'ID',
    "translation_group_id" UUID NOT NULL,
    "status" "material_status" NOT NULL DEFAULT 'DRAFT',
    "body" TEXT NOT NULL,
    "cover_file_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" UUID,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_revision" (
    "id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "body" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "material_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_attachment" (
    "id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "file_id" UUID NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "material_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_role" "role",
    "office_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "changes" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "regency_province_code_idx" ON "regency"("province_code");

-- CreateIndex
CREATE INDEX "regency_name_trgm_idx" ON "regency" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "district_regency_code_idx" ON "district"("regency_code");

-- CreateIndex
CREATE INDEX "village_district_code_idx" ON "village"("district_code");

-- CreateIndex
CREATE INDEX "village_regency_code_idx" ON "village"("regency_code");

-- CreateIndex
CREATE INDEX "village_province_code_idx" ON "village"("province_code");

-- CreateIndex
CREATE INDEX "village_name_trgm_idx" ON "village" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "kanwil_province_code_key" ON "kanwil"("province_code");

-- CreateIndex
CREATE UNIQUE INDEX "office_slug_key" ON "office"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "office_name_key" ON "office"("name");

-- CreateIndex
CREATE INDEX "office_kanwil_id_idx" ON "office"("kanwil_id");

-- CreateIndex
CREATE INDEX "office_province_code_idx" ON "office"("province_code");

-- CreateIndex
CREATE INDEX "office_regency_regency_code_idx" ON "office_regency"("regency_code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_office_id_role_idx" ON "app_user"("office_id", "role");

-- CreateIndex
CREATE INDEX "app_user_kanwil_id_idx" ON "app_user"("kanwil_id");

-- CreateIndex
CREATE INDEX "app_user_desa_binaan_id_idx" ON "app_user"("desa_binaan_id");

-- CreateIndex
CREATE INDEX "rate_limit_window_start_idx" ON "rate_limit"("window_start");

-- CreateIndex
CREATE UNIQUE INDEX "desa_binaan_village_code_key" ON "desa_binaan"("village_code");

-- CreateIndex
CREATE INDEX "desa_binaan_office_id_stage_idx" ON "desa_binaan"("office_id", "stage");

-- CreateIndex
CREATE INDEX "desa_binaan_stage_idx" ON "desa_binaan"("stage");

-- CreateIndex
CREATE INDEX "desa_binaan_stage_change_desa_binaan_id_effective_on_idx" ON "desa_binaan_stage_change"("desa_binaan_id", "effective_on");

-- CreateIndex
CREATE INDEX "desa_binaan_officer_user_id_idx" ON "desa_binaan_officer"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "contact_replaced_by_id_key" ON "contact"("replaced_by_id");

-- CreateIndex
CREATE INDEX "contact_desa_binaan_id_active_until_idx" ON "contact"("desa_binaan_id", "active_until");

-- CreateIndex
CREATE INDEX "institution_office_id_idx" ON "institution"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "institution_name_office_id_key" ON "institution"("name", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_check_in_code_key" ON "event"("check_in_code");

-- CreateIndex
CREATE INDEX "event_office_id_starts_at_idx" ON "event"("office_id", "starts_at");

-- CreateIndex
CREATE INDEX "event_status_starts_at_idx" ON "event"("status", "starts_at");

-- CreateIndex
CREATE INDEX "event_starts_at_idx" ON "event"("starts_at");

-- CreateIndex
CREATE INDEX "event_village_desa_binaan_id_idx" ON "event_village"("desa_binaan_id");

-- CreateIndex
CREATE INDEX "event_speaker_event_id_idx" ON "event_speaker"("event_id");

-- CreateIndex
CREATE INDEX "event_partner_institution_id_idx" ON "event_partner"("institution_id");

-- CreateIndex
CREATE INDEX "attendee_event_id_created_at_idx" ON "attendee"("event_id", "created_at");

-- CreateIndex
CREATE INDEX "attendee_desa_binaan_id_idx" ON "attendee"("desa_binaan_id");

-- CreateIndex
CREATE UNIQUE INDEX "attendee_event_id_dedupe_key_key" ON "attendee"("event_id", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "event_photo_file_id_key" ON "event_photo"("file_id");

-- CreateIndex
CREATE INDEX "event_photo_event_id_idx" ON "event_photo"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "material_slug_key" ON "material"("slug");

-- CreateIndex
CREATE INDEX "material_status_published_at_idx" ON "material"("status", "published_at");

-- CreateIndex
CREATE INDEX "material_office_id_status_idx" ON "material"("office_id", "status");

-- CreateIndex
CREATE INDEX "material_category_status_idx" ON "material"("category", "status");

-- CreateIndex
CREATE UNIQUE INDEX "material_translation_group_id_language_key" ON "material"("translation_group_id", "language");

-- CreateIndex
CREATE INDEX "material_revision_material_id_created_at_idx" ON "material_revision"("material_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "material_attachment_file_id_key" ON "material_attachment"("file_id");

-- CreateIndex
CREATE INDEX "material_attachment_material_id_idx" ON "material_attachment"("material_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_at_idx" ON "audit_log"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_office_id_at_idx" ON "audit_log"("office_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "regency" ADD CONSTRAINT "regency_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "district" ADD CONSTRAINT "district_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "district" ADD CONSTRAINT "district_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village" ADD CONSTRAINT "village_district_code_fkey" FOREIGN KEY ("district_code") REFERENCES "district"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village" ADD CONSTRAINT "village_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village" ADD CONSTRAINT "village_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kanwil" ADD CONSTRAINT "kanwil_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office" ADD CONSTRAINT "office_kanwil_id_fkey" FOREIGN KEY ("kanwil_id") REFERENCES "kanwil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office" ADD CONSTRAINT "office_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_regency" ADD CONSTRAINT "office_regency_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_regency" ADD CONSTRAINT "office_regency_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_kanwil_id_fkey" FOREIGN KEY ("kanwil_id") REFERENCES "kanwil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan" ADD CONSTRAINT "desa_binaan_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan" ADD CONSTRAINT "desa_binaan_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan_stage_change" ADD CONSTRAINT "desa_binaan_stage_change_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan_stage_change" ADD CONSTRAINT "desa_binaan_stage_change_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan_officer" ADD CONSTRAINT "desa_binaan_officer_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan_officer" ADD CONSTRAINT "desa_binaan_officer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "institution" ADD CONSTRAINT "institution_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_village" ADD CONSTRAINT "event_village_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_village" ADD CONSTRAINT "event_village_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_speaker" ADD CONSTRAINT "event_speaker_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_speaker" ADD CONSTRAINT "event_speaker_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_partner" ADD CONSTRAINT "event_partner_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_partner" ADD CONSTRAINT "event_partner_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendee" ADD CONSTRAINT "attendee_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendee" ADD CONSTRAINT "attendee_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_count" ADD CONSTRAINT "attendance_count_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_photo" ADD CONSTRAINT "event_photo_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_photo" ADD CONSTRAINT "event_photo_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material" ADD CONSTRAINT "material_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material" ADD CONSTRAINT "material_cover_file_id_fkey" FOREIGN KEY ("cover_file_id") REFERENCES "stored_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_revision" ADD CONSTRAINT "material_revision_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_attachment" ADD CONSTRAINT "material_attachment_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_attachment" ADD CONSTRAINT "material_attachment_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: refuse UPDATE and DELETE at the database itself.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
