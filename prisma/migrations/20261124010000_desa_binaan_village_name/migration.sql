-- A copy of the village's name on desa_binaan, kept by triggers: the village list sorts and
-- searches by it without joining the 83,762 villages (PostgreSQL hashed the whole table to
-- sort 2,000 desa binaan and show 25). The application never writes it.

-- AlterTable
ALTER TABLE "desa_binaan" ADD COLUMN     "village_name" TEXT NOT NULL DEFAULT '';

UPDATE "desa_binaan" d SET "village_name" = v."name" FROM "village" v WHERE v."code" = d."village_code";

-- CreateIndex
CREATE INDEX "desa_binaan_village_name_id_idx" ON "desa_binaan"("village_name", "id");

-- CreateIndex
CREATE INDEX "desa_binaan_office_id_village_name_idx" ON "desa_binaan"("office_id", "village_name");

CREATE FUNCTION desa_binaan_village_name() RETURNS trigger AS $$
BEGIN
  SELECT "name" INTO NEW."village_name" FROM "village" WHERE "code" = NEW."village_code";
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER desa_binaan_village_name
  BEFORE INSERT OR UPDATE OF "village_code", "village_name" ON "desa_binaan"
  FOR EACH ROW EXECUTE FUNCTION desa_binaan_village_name();

-- Should the reference data ever rename a village, its desa binaan follows.
CREATE FUNCTION village_name_to_desa_binaan() RETURNS trigger AS $$
BEGIN
  UPDATE "desa_binaan" SET "village_name" = NEW."name" WHERE "village_code" = NEW."code";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER village_name_to_desa_binaan
  AFTER UPDATE OF "name" ON "village"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION village_name_to_desa_binaan();
