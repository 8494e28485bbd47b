-- CreateTable
CREATE TABLE "figures_version" (
    "office_id" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "figures_version_pkey" PRIMARY KEY ("office_id")
);

-- ───────────────────────── Kept on write (docs/decisions/0021) ─────────────────────────
-- figures_version counts, per office, the committed changes to what the oversight figures read.
-- Triggers bump it in the writing transaction, so a change and its bump commit together; a
-- cached dashboard section is keyed on the sum of these counts (read with the signed-in user),
-- so the first request after a commit, on any instance, has a different key. Counts only grow and
-- rows are never deleted (no foreign key), so a sum never comes back to an earlier value.
-- Changes to shared reference data (regions, Kanwil) count under the nil UUID.
-- A table whose rows feed a cached section gets the three triggers below (see the ADR).

CREATE FUNCTION touch_figures(offices UUID[]) RETURNS void AS $$
  INSERT INTO "figures_version" AS f ("office_id", "version")
  SELECT o, 1 FROM (SELECT DISTINCT o FROM unnest(offices) AS o WHERE o IS NOT NULL) d ORDER BY o
  ON CONFLICT ("office_id") DO UPDATE SET "version" = f."version" + 1
$$ LANGUAGE sql;

-- Statement-level: one bump per office per statement, however many rows it wrote.
-- TG_ARGV[0]: a query over a transition table named by %1$s (alias r) giving the offices of its rows.
CREATE FUNCTION figures_changed() RETURNS trigger AS $$
DECLARE
  offices UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(x) FROM (' || TG_ARGV[0] || ') t(x)', 'new_rows') INTO offices;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(x) FROM (' || TG_ARGV[0] || ') t(x)', 'old_rows') INTO offices;
  ELSE
    -- both: a row moved to another office changes the figures of each
    EXECUTE 'SELECT array_agg(x) FROM (' || format(TG_ARGV[0], 'old_rows') || ' UNION ' || format(TG_ARGV[0], 'new_rows') || ') t(x)'
      INTO offices;
  END IF;
  PERFORM touch_figures(offices);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION reference_figures_changed() RETURNS trigger AS $$
BEGIN
  PERFORM touch_figures(ARRAY['00000000-0000-0000-0000-000000000000'::uuid]);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

DO $$
DECLARE
  t RECORD;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('event', 'SELECT r.office_id FROM %1$s r'),
    ('event_reach', 'SELECT x.office_id FROM %1$s r JOIN event x ON x.id = r.event_id'),
    ('event_village', 'SELECT x.office_id FROM %1$s r JOIN event x ON x.id = r.event_id'),
    ('desa_binaan', 'SELECT r.office_id FROM %1$s r'),
    ('office', 'SELECT r.id FROM %1$s r'),
    ('office_regency', 'SELECT r.office_id FROM %1$s r'),
    -- the village list shows each village's number of contacts
    ('contact', 'SELECT d.office_id FROM %1$s r JOIN desa_binaan d ON d.id = r.desa_binaan_id')
  ) AS v(tab, offices) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed(%L)',
      t.tab || '_figures_insert', t.tab, t.offices);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed(%L)',
      t.tab || '_figures_update', t.tab, t.offices);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed(%L)',
      t.tab || '_figures_delete', t.tab, t.offices);
  END LOOP;
  FOR t IN SELECT * FROM (VALUES ('kanwil'), ('province'), ('regency'), ('district'), ('village')) AS v(tab) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION reference_figures_changed()',
      t.tab || '_figures', t.tab);
  END LOOP;
END
$$;
