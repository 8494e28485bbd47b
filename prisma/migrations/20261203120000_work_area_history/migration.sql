-- AlterTable
ALTER TABLE "kanwil" ADD COLUMN     "email" TEXT,
ADD COLUMN     "head_name" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "office" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "office_regency_period" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "changed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "office_regency_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "desa_binaan_transfer" (
    "id" UUID NOT NULL,
    "desa_binaan_id" UUID NOT NULL,
    "from_office_id" UUID,
    "to_office_id" UUID NOT NULL,
    "effective_on" DATE NOT NULL,
    "changed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "desa_binaan_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "office_regency_period_regency_code_valid_from_idx" ON "office_regency_period"("regency_code", "valid_from");

-- CreateIndex
CREATE INDEX "office_regency_period_office_id_valid_from_idx" ON "office_regency_period"("office_id", "valid_from");

-- CreateIndex
CREATE INDEX "desa_binaan_transfer_desa_binaan_id_effective_on_idx" ON "desa_binaan_transfer"("desa_binaan_id", "effective_on");

-- CreateIndex
CREATE INDEX "desa_binaan_transfer_to_office_id_idx" ON "desa_binaan_transfer"("to_office_id");

-- CreateIndex
CREATE INDEX "desa_binaan_transfer_from_office_id_idx" ON "desa_binaan_transfer"("from_office_id");

-- CreateIndex
CREATE UNIQUE INDEX "kanwil_name_key" ON "kanwil"("name");

-- AddForeignKey
ALTER TABLE "office_regency_period" ADD CONSTRAINT "office_regency_period_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_regency_period" ADD CONSTRAINT "office_regency_period_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan_transfer" ADD CONSTRAINT "desa_binaan_transfer_desa_binaan_id_fkey" FOREIGN KEY ("desa_binaan_id") REFERENCES "desa_binaan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan_transfer" ADD CONSTRAINT "desa_binaan_transfer_from_office_id_fkey" FOREIGN KEY ("from_office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa_binaan_transfer" ADD CONSTRAINT "desa_binaan_transfer_to_office_id_fkey" FOREIGN KEY ("to_office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The history of work areas and of which office is responsible for each desa binaan, kept by
-- triggers so that every writer (the portal, the seed, test factories) leaves it complete. The
-- day a change takes effect comes from the transaction's setting app.effective_on (set with
-- set_config(..., true) by lib/features/offices/work-area.ts), the actor from app.actor_id;
-- without them: today (WIB) and nobody.
CREATE FUNCTION work_area_effective_on() RETURNS date AS $$
  SELECT COALESCE(NULLIF(current_setting('app.effective_on', true), '')::date, (now() AT TIME ZONE 'Asia/Jakarta')::date);
$$ LANGUAGE sql STABLE;

CREATE FUNCTION work_area_actor() RETURNS uuid AS $$
  SELECT NULLIF(current_setting('app.actor_id', true), '')::uuid;
$$ LANGUAGE sql STABLE;

CREATE FUNCTION office_regency_history() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "office_regency_period" ("id", "office_id", "regency_code", "valid_from", "changed_by_id")
    VALUES (gen_random_uuid(), NEW."office_id", NEW."regency_code", work_area_effective_on(), work_area_actor());
  ELSE
    UPDATE "office_regency_period" SET "valid_until" = work_area_effective_on()
     WHERE "office_id" = OLD."office_id" AND "regency_code" = OLD."regency_code" AND "valid_until" IS NULL;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER office_regency_history
  AFTER INSERT OR DELETE ON "office_regency"
  FOR EACH ROW EXECUTE FUNCTION office_regency_history();

CREATE FUNCTION desa_binaan_office_history() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "desa_binaan_transfer" ("id", "desa_binaan_id", "from_office_id", "to_office_id", "effective_on", "changed_by_id")
    VALUES (gen_random_uuid(), NEW."id", NULL, NEW."office_id", (NEW."created_at" AT TIME ZONE 'Asia/Jakarta')::date, NEW."created_by_id");
  ELSIF NEW."office_id" IS DISTINCT FROM OLD."office_id" THEN
    INSERT INTO "desa_binaan_transfer" ("id", "desa_binaan_id", "from_office_id", "to_office_id", "effective_on", "changed_by_id")
    VALUES (gen_random_uuid(), NEW."id", OLD."office_id", NEW."office_id", work_area_effective_on(), work_area_actor());
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER desa_binaan_office_history
  AFTER INSERT OR UPDATE OF "office_id" ON "desa_binaan"
  FOR EACH ROW EXECUTE FUNCTION desa_binaan_office_history();

-- What exists already: responsible since the office or the desa binaan was created.
INSERT INTO "office_regency_period" ("id", "office_id", "regency_code", "valid_from")
SELECT gen_random_uuid(), r."office_id", r."regency_code", (o."created_at" AT TIME ZONE 'Asia/Jakarta')::date
  FROM "office_regency" r JOIN "office" o ON o."id" = r."office_id";

INSERT INTO "desa_binaan_transfer" ("id", "desa_binaan_id", "from_office_id", "to_office_id", "effective_on", "changed_by_id")
SELECT gen_random_uuid(), d."id", NULL, d."office_id", (d."created_at" AT TIME ZONE 'Asia/Jakarta')::date, d."created_by_id"
  FROM "desa_binaan" d;
