import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Audience } from "@/lib/features/notifications/schemas";
import { notify } from "@/lib/features/notifications/mutations";
import { db } from "@/lib/server/db";
import { defineJob, enqueue } from "@/lib/server/jobs";

type Tx = Prisma.TransactionClient;
type ReportRef = { id: string; ticketCode: string; officeId: string | null; kanwilId: string | null; filedById: string | null };

/**
 * What happens around a report besides its own rows: notifications (lib/features/notifications)
 * and the SLA deadline jobs (lib/server/jobs.ts). Called inside the transaction of the change, so
 * they exist exactly when the change committed. A notification carries the ticket code and a link,
 * never the content (UU PDP); each has an event key, so a retried job notifies nobody twice.
 */

/** Who handles a report now: its office's staff, or the Kanwil, or the national level while it waits for routing. */
function handlers(report: Pick<ReportRef, "officeId" | "kanwilId">): Audience[] {
  if (report.officeId) return [{ type: "office-staff", officeId: report.officeId }];
  if (report.kanwilId) return [{ type: "kanwil-overseers", kanwilId: report.kanwilId }];
  return [{ type: "national-admins" }];
}

const subject = (report: ReportRef) => ({ type: "warning" as const, id: report.id, reference: report.ticketCode });

/** The first-response deadlines of a report: the warning (18 h of 24) and the red flag, checked when they come. */
export const warningSlaJob = defineJob({
  name: "warning-sla",
  schema: z.object({ reportId: z.uuid(), stage: z.enum(["warning", "overdue"]) }),
  retryLimit: 8,
  handler: async ({ reportId, stage }) => {
    await db.$transaction(async (tx) => {
      const report = await tx.warningReport.findUnique({
        where: { id: reportId },
        select: { id: true, ticketCode: true, officeId: true, kanwilId: true, filedById: true, assignedToId: true, firstResponseAt: true, closedAt: true },
      });
      // Answered or closed in time (or gone): nothing to say.
      if (!report || report.firstResponseAt || report.closedAt) return;
      if (stage === "warning") {
        await notify(tx, {
          kind: "REPORT_SLA_WARNING",
          subject: subject(report),
          event: `${report.id}:sla-warning`,
          ...(report.assignedToId ? { users: [report.assignedToId] } : { audiences: handlers(report) }),
        });
      } else {
        // Overdue: the office and, above it, the Kanwil that watches it (the red flag).
        const audiences = handlers(report);
        if (report.officeId && report.kanwilId) audiences.push({ type: "kanwil-overseers", kanwilId: report.kanwilId });
        await notify(tx, { kind: "REPORT_OVERDUE", subject: subject(report), event: `${report.id}:overdue`, audiences });
      }
    });
  },
});

export async function warningFiled(tx: Tx, report: ReportRef & { warnAt: Date; dueAt: Date }): Promise<void> {
  await notify(tx, {
    kind: "REPORT_NEW",
    subject: subject(report),
    event: `${report.id}:filed`,
    audiences: handlers(report),
    except: report.filedById ? [report.filedById] : [],
  });
  await enqueue(tx, warningSlaJob, { reportId: report.id, stage: "warning" }, { startAfter: report.warnAt, key: `${report.id}:warning` });
  await enqueue(tx, warningSlaJob, { reportId: report.id, stage: "overdue" }, { startAfter: report.dueAt, key: `${report.id}:overdue` });
}

/** A change the people around a report hear about. */
export type WarningEvent =
  | { kind: "assigned"; userId: string }
  | { kind: "status" }
  | { kind: "routed"; officeId: string }
  | { kind: "answer" }
  | { kind: "reminder"; reminderId: string };

export async function warningChanged(
  tx: Tx,
  report: ReportRef & { version?: number; assignedToId: string | null },
  event: WarningEvent,
  actor: { id: string } | null,
): Promise<void> {
  const except = actor ? [actor.id] : [];
  const step = `${report.id}:${event.kind}:${report.version ?? 0}`;
  switch (event.kind) {
    case "assigned":
      await notify(tx, { kind: "REPORT_ASSIGNED", subject: subject(report), event: step, users: [event.userId], except });
      return;
    case "status":
      // The reporter, when it is an account (a public tipster follows the tracking page).
      if (report.filedById && report.filedById !== actor?.id) {
        await notify(tx, { kind: "REPORT_STATUS", subject: subject(report), event: step, users: [report.filedById] });
      }
      return;
    case "routed":
      await notify(tx, { kind: "REPORT_NEW", subject: subject(report), event: step, audiences: handlers({ officeId: event.officeId, kanwilId: null }), except });
      return;
    case "answer":
      await notify(tx, {
        kind: "REPORT_ANSWER",
        subject: subject(report),
        event: step,
        ...(report.assignedToId ? { users: [report.assignedToId] } : { audiences: handlers(report) }),
        except,
      });
      return;
    case "reminder":
      if (report.officeId) {
        await notify(tx, { kind: "REPORT_REMINDER", subject: subject(report), event: `${report.id}:reminder:${event.reminderId}`, audiences: handlers(report), except });
      }
      return;
  }
}
