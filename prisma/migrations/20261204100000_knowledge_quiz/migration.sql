-- CreateEnum
CREATE TYPE "quiz_phase" AS ENUM ('PRE', 'POST');

-- AlterTable
ALTER TABLE "event" ADD COLUMN     "post_test_quiz_id" UUID,
ADD COLUMN     "pre_test_quiz_id" UUID;

-- CreateTable
CREATE TABLE "quiz" (
    "id" UUID NOT NULL,
    "office_id" UUID,
    "material_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quiz_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_question" (
    "id" UUID NOT NULL,
    "quiz_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "options" TEXT[],
    "correct" INTEGER[],

    CONSTRAINT "quiz_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_response" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "quiz_id" UUID NOT NULL,
    "phase" "quiz_phase" NOT NULL,
    "attendee_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_answer" (
    "response_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "chosen" INTEGER[],
    "correct" BOOLEAN NOT NULL,

    CONSTRAINT "quiz_answer_pkey" PRIMARY KEY ("response_id","question_id")
);

-- CreateTable
CREATE TABLE "quiz_paper_tally" (
    "event_id" UUID NOT NULL,
    "phase" "quiz_phase" NOT NULL,
    "question_id" UUID NOT NULL,
    "sheets" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    CONSTRAINT "quiz_paper_tally_pkey" PRIMARY KEY ("event_id","phase","question_id")
);

-- CreateIndex
CREATE INDEX "quiz_office_id_idx" ON "quiz"("office_id");

-- CreateIndex
CREATE INDEX "quiz_material_id_idx" ON "quiz"("material_id");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_question_quiz_id_position_key" ON "quiz_question"("quiz_id", "position");

-- CreateIndex
CREATE INDEX "quiz_response_event_id_phase_idx" ON "quiz_response"("event_id", "phase");

-- CreateIndex
CREATE INDEX "quiz_response_quiz_id_idx" ON "quiz_response"("quiz_id");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_response_attendee_id_phase_key" ON "quiz_response"("attendee_id", "phase");

-- CreateIndex
CREATE INDEX "quiz_answer_question_id_idx" ON "quiz_answer"("question_id");

-- CreateIndex
CREATE INDEX "quiz_paper_tally_question_id_idx" ON "quiz_paper_tally"("question_id");

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_pre_test_quiz_id_fkey" FOREIGN KEY ("pre_test_quiz_id") REFERENCES "quiz"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_post_test_quiz_id_fkey" FOREIGN KEY ("post_test_quiz_id") REFERENCES "quiz"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz" ADD CONSTRAINT "quiz_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz" ADD CONSTRAINT "quiz_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_question" ADD CONSTRAINT "quiz_question_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_response" ADD CONSTRAINT "quiz_response_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_response" ADD CONSTRAINT "quiz_response_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_response" ADD CONSTRAINT "quiz_response_attendee_id_fkey" FOREIGN KEY ("attendee_id") REFERENCES "attendee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_answer" ADD CONSTRAINT "quiz_answer_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "quiz_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_answer" ADD CONSTRAINT "quiz_answer_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "quiz_question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_paper_tally" ADD CONSTRAINT "quiz_paper_tally_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_paper_tally" ADD CONSTRAINT "quiz_paper_tally_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "quiz_question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───────────────────────── Kept on write (docs/decisions/0021) ─────────────────────────
-- The dashboards' quiz section reads answer sets and paper tallies: a write bumps the office's
-- figures version. quiz_answer rows are written only with their quiz_response, in its transaction.
DO $$
DECLARE
  t RECORD;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('quiz_response', 'SELECT x.office_id FROM %1$s r JOIN event x ON x.id = r.event_id'),
    ('quiz_paper_tally', 'SELECT x.office_id FROM %1$s r JOIN event x ON x.id = r.event_id')
  ) AS v(tab, offices) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed(%L)',
      t.tab || '_figures_insert', t.tab, t.offices);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed(%L)',
      t.tab || '_figures_update', t.tab, t.offices);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed(%L)',
      t.tab || '_figures_delete', t.tab, t.offices);
  END LOOP;
END
$$;
