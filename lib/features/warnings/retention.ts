import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { deleteStoredFile } from "@/lib/server/files";
import { recordAudit } from "@/lib/server/audit";
import { defineJob } from "@/lib/server/jobs";

/**
 * Retention of early-warning reports (UU PDP 27/2022; the promise of the tip form's consent text,
 * docs/decisions/0025-warning-retention.md): two years after a report is closed, what it says
 * about people is erased — its description, the people involved, the reporter's contact, the
 * place, the tracking code, the verification notes, every step's and follow-up's text, reminder
 * messages and the attachments with their files. What remains are the facts the scores and the
 * oversight count: ticket code, category, urgency, office, village, dates and statuses.
 * The report itself stays, so the office's monthly scores do not change years later.
 */
export const RETENTION_YEARS_AFTER_CLOSING = 2;

/** Reports erased per transaction: a small batch keeps each transaction short on a busy server. */
const BATCH = 200;

/** The moment before which a closed report is past its retention. */
export function retentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - RETENTION_YEARS_AFTER_CLOSING);
  return cutoff;
}

/**
 * Erases the personal content of every report closed before the cutoff and not yet erased, in
 * batches; returns how many reports it erased. Safe to run again and from several instances at
 * once: each batch locks its rows (SKIP LOCKED) and marks them `purged_at`.
 */
export async function purgeExpiredReports(now = new Date()): Promise<number> {
  const cutoff = retentionCutoff(now);
  let total = 0;
  for (;;) {
    const erased = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string; office_id: string | null }[]>`
        SELECT id, office_id FROM warning_report
        WHERE closed_at < ${cutoff} AND purged_at IS NULL
        ORDER BY closed_at LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return 0;
      const ids = due.map((r) => r.id);
      const attachments = await tx.warningAttachment.findMany({ where: { reportId: { in: ids } }, select: { fileId: true } });
      await tx.warningAttachment.deleteMany({ where: { reportId: { in: ids } } });
      for (const { fileId } of attachments) await deleteStoredFile(tx, fileId);
      await tx.warningStep.updateMany({ where: { reportId: { in: ids } }, data: { body: null } });
      await tx.warningFollowUp.updateMany({ where: { reportId: { in: ids } }, data: { description: null, outcome: null } });
      await tx.warningReminder.updateMany({ where: { reportId: { in: ids } }, data: { message: null } });
      await tx.warningReport.updateMany({
        where: { id: { in: ids } },
        data: {
          description: "",
          peopleInvolved: null,
          reporterContact: null,
          place: null,
          trackingCode: null,
          purgedAt: now,
          version: { increment: 1 },
        },
      });
      // verification is JSON: Prisma's updateMany cannot set a JSON column to SQL NULL by value
      await tx.$executeRaw`UPDATE warning_report SET verification = NULL WHERE id = ANY(${ids}::uuid[])`;
      for (const report of due) {
        await recordAudit(tx, null, {
          action: "warning.purge",
          entityType: "warning",
          entityId: report.id,
          officeId: report.office_id,
          changes: { after: { purgedAt: now.toISOString() } },
        });
      }
      return due.length;
    });
    total += erased;
    if (erased < BATCH) return total;
  }
}

/** Every night at 02:30 WIB, in whichever instance takes it. */
export const warningRetentionJob = defineJob({
  name: "warning-retention",
  schema: z.object({}),
  cron: "30 2 * * *",
  retryLimit: 3,
  expireInSeconds: 1800,
  handler: async () => {
    const erased = await purgeExpiredReports();
    // a count only: nothing about the reports themselves
    if (erased > 0) console.info(`warning-retention: erased the personal content of ${erased} report(s) closed over ${RETENTION_YEARS_AFTER_CLOSING} years ago`);
  },
});
