-- Hand-written (ADR 0024): the live open / overdue / pending counts of the early-warning scores
-- read the open reports only. Covering the columns they need lets PostgreSQL answer from the index
-- alone (an index-only scan of the open set, ~1 ms at 50,000 reports) instead of visiting a heap
-- page per open report (~40 ms on the scale data, ADR 0024 and docs/benchmarks.md).
CREATE INDEX "warning_report_open_scores_idx" ON "warning_report" ("office_id")
  INCLUDE ("kanwil_id", "due_at", "first_response_at", "filed_month") WHERE "closed_at" IS NULL;
