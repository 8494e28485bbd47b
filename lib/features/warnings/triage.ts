import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WarningStatus, WarningStepKind } from "@/lib/generated/prisma/enums";
import type { PermissionKey } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeWhere, warningWhere, type SessionUser } from "@/lib/server/scope";
import { warningChanged } from "@/lib/features/warnings/events";
import type {
  eraseContactSchema,
  acknowledgeSchema,
  addFollowUpSchema,
  answerSchema,
  askSchema,
  assignSchema,
  closeSchema,
  completeFollowUpSchema,
  noteSchema,
  remindSchema,
  routeSchema,
  startVerificationSchema,
  verifySchema,
} from "@/lib/features/warnings/schemas";
import { slaState } from "@/lib/features/warnings/sla";

type Tx = Prisma.TransactionClient;

export const OPEN_STATUSES: WarningStatus[] = ["NEW", "IN_VERIFICATION", "NEEDS_INFO", "IN_FOLLOW_UP"];
export const isOpen = (status: WarningStatus) => OPEN_STATUSES.includes(status);

const stale = () => new AppError("CONFLICT", undefined, { _form: "warning.errors.stale" });
const refuse = (key: string, field = "_form") => new AppError("CONFLICT", undefined, { [field]: key });

/** What every step on a report reads of it (also the public tracking page's base, public-tip.ts). */
export const REPORT_SELECT = {
  id: true,
  ticketCode: true,
  status: true,
  version: true,
  officeId: true,
  kanwilId: true,
  filedById: true,
  assignedToId: true,
  firstResponseAt: true,
  warnAt: true,
  dueAt: true,
  verification: true,
} satisfies Prisma.WarningReportSelect;
export type LoadedReport = Prisma.WarningReportGetPayload<{ select: typeof REPORT_SELECT }>;

/** A report the user may do `key` to; another office's reads as not found. */
export async function loadReport(actor: SessionUser, reportId: string, key: PermissionKey): Promise<LoadedReport> {
  const report = await db.warningReport.findFirst({
    where: { AND: [{ id: assertId(reportId) }, warningWhere(actor, key)] },
    select: REPORT_SELECT,
  });
  if (!report) throw new AppError("NOT_FOUND");
  return report;
}

type StepInput = { kind: WarningStepKind; status?: WarningStatus | null; body?: string | null; forReporter?: boolean };
type Change = {
  data?: Prisma.WarningReportUncheckedUpdateManyInput;
  steps: StepInput[];
  audit: { action: string; before?: unknown; after?: unknown };
  /** The notification this change is, for lib/features/warnings/events.ts. */
  event?: Parameters<typeof warningChanged>[2];
};

/**
 * One triage step by the owning office: the version the officer's page showed must still be the
 * current one (two officers acting at once: the second gets a clear conflict, nothing is written),
 * the first step of the office's staff is the report's first response (the SLA's measure), and
 * the step, its audit entry and its notification commit together.
 */
async function change(
  actor: SessionUser,
  input: { reportId: string; version: number },
  key: PermissionKey,
  decide: (report: LoadedReport, tx: Tx, now: Date) => Promise<Change> | Change,
  options: { allowClosed?: boolean; now?: Date } = {},
) {
  const report = await loadReport(actor, input.reportId, key);
  if (!options.allowClosed && !isOpen(report.status)) throw refuse("warning.errors.closed");
  if (report.version !== input.version) throw stale();
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const outcome = await decide(report, tx, now);
    const staffOfOffice = !!actor.officeId && actor.officeId === report.officeId && actor.role !== "VILLAGE";
    const firstResponse = staffOfOffice && !report.firstResponseAt && key === "update:warning" ? { firstResponseAt: now } : {};
    const { count } = await tx.warningReport.updateMany({
      where: { id: report.id, version: input.version },
      data: { ...outcome.data, ...firstResponse, version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    for (const step of outcome.steps) {
      await tx.warningStep.create({
        data: { reportId: report.id, kind: step.kind, actorId: actor.id, status: step.status ?? null, body: step.body ?? null, forReporter: step.forReporter ?? false, at: now },
      });
    }
    await recordAudit(tx, actor, {
      action: outcome.audit.action,
      entityType: "warning",
      entityId: report.id,
      officeId: report.officeId,
      changes: { before: outcome.audit.before, after: outcome.audit.after },
    });
    if (outcome.event) await warningChanged(tx, report, outcome.event, actor);
    return { id: report.id, version: input.version + 1 };
  });
}

/** Staff of the report's office who may be given the report or a follow-up action. */
async function assertOfficeStaff(tx: Tx, officeId: string | null, userId: string, field: string) {
  const staff = officeId
    ? await tx.user.findFirst({ where: { id: userId, officeId, active: true, role: { in: ["OFFICE_ADMIN", "OFFICE_OFFICER"] } }, select: { id: true } })
    : null;
  if (!staff) throw new AppError("VALIDATION", undefined, { [field]: "warning.errors.notOfficeStaff" });
}

const statusStep = (status: WarningStatus): StepInput => ({ kind: "STATUS", status, forReporter: true });

export function assignReport(actor: SessionUser, input: z.output<typeof assignSchema>) {
  return change(actor, input, "update:warning", async (report, tx) => {
    if (input.assigneeId) await assertOfficeStaff(tx, report.officeId, input.assigneeId, "assigneeId");
    return {
      data: { assignedToId: input.assigneeId },
      steps: [{ kind: "ASSIGNED" }],
      audit: { action: "warning.assign", before: { assignedToId: report.assignedToId }, after: { assignedToId: input.assigneeId } },
      event: input.assigneeId && input.assigneeId !== actor.id ? { kind: "assigned", userId: input.assigneeId } : undefined,
    };
  });
}

export function startVerification(actor: SessionUser, input: z.output<typeof startVerificationSchema>) {
  return change(actor, input, "update:warning", (report) => {
    if (report.status !== "NEW" && report.status !== "NEEDS_INFO") throw refuse("warning.errors.wrongStatus");
    return {
      data: { status: "IN_VERIFICATION", assignedToId: report.assignedToId ?? actor.id },
      steps: [statusStep("IN_VERIFICATION")],
      audit: { action: "warning.status", before: { status: report.status }, after: { status: "IN_VERIFICATION" } },
      event: { kind: "status" },
    };
  });
}

export function verifyReport(actor: SessionUser, input: z.output<typeof verifySchema>) {
  return change(actor, input, "update:warning", async (report, tx, now) => {
    if (report.status === "IN_FOLLOW_UP") throw refuse("warning.errors.wrongStatus");
    const verification = { checks: input.checks, decision: input.decision, note: input.note, by: actor.id, at: now.toISOString() };
    if (input.decision === "DUPLICATE") {
      const target = await tx.warningReport.findFirst({
        where: { AND: [{ ticketCode: input.duplicateOf!.toUpperCase() }, warningWhere(actor, "update:warning")] },
        select: { id: true, ticketCode: true, mergedIntoId: true },
      });
      if (!target || target.id === report.id) throw new AppError("VALIDATION", undefined, { duplicateOf: "warning.errors.duplicateNotFound" });
      // Merge into the report that is kept, never into another duplicate.
      const keptId = target.mergedIntoId ?? target.id;
      await tx.warningStep.create({ data: { reportId: keptId, kind: "MERGED", actorId: actor.id, body: report.ticketCode, at: now } });
      return {
        data: { status: "CLOSED_DUPLICATE", closedAt: now, mergedIntoId: keptId, verification, assignedToId: report.assignedToId ?? actor.id },
        steps: [{ kind: "VERIFIED", body: input.note }, { kind: "MERGED", body: target.ticketCode }, statusStep("CLOSED_DUPLICATE")],
        audit: { action: "warning.merge", before: { status: report.status }, after: { status: "CLOSED_DUPLICATE", mergedInto: target.ticketCode } },
        event: { kind: "status" },
      };
    }
    const status: WarningStatus = input.decision === "VALID" ? "IN_FOLLOW_UP" : "CLOSED_INVALID";
    return {
      data: { status, verification, closedAt: status === "CLOSED_INVALID" ? now : null, assignedToId: report.assignedToId ?? actor.id },
      steps: [{ kind: "VERIFIED", body: input.note }, statusStep(status)],
      audit: { action: "warning.verify", before: { status: report.status }, after: { status, decision: input.decision, checks: input.checks } },
      event: { kind: "status" },
    };
  });
}

export function askReporter(actor: SessionUser, input: z.output<typeof askSchema>) {
  return change(actor, input, "update:warning", (report) => ({
    data: { status: "NEEDS_INFO" },
    steps: [{ kind: "QUESTION", status: "NEEDS_INFO", body: input.question, forReporter: true }],
    audit: { action: "warning.ask", before: { status: report.status }, after: { status: "NEEDS_INFO" } },
    event: { kind: "status" },
  }));
}

/**
 * Erases the reporter's contact on their request (UU PDP: the tip form promises it), before the
 * retention job would (ADR 0028). The rest of the report stays; the timeline says it was done.
 */
export function eraseContact(actor: SessionUser, input: z.output<typeof eraseContactSchema>) {
  return change(actor, input, "update:warning", async (report, tx) => {
    const { reporterContact } = await tx.warningReport.findUniqueOrThrow({ where: { id: report.id }, select: { reporterContact: true } });
    if (!reporterContact) throw refuse("warning.errors.noContact");
    return { data: { reporterContact: null }, steps: [{ kind: "CONTACT_ERASED" }], audit: { action: "warning.erase_contact" } };
  });
}

export function addNote(actor: SessionUser, input: z.output<typeof noteSchema>) {
  return change(actor, input, "update:warning", () => ({ steps: [{ kind: "NOTE", body: input.note }], audit: { action: "warning.note" } }));
}

export function addFollowUp(actor: SessionUser, input: z.output<typeof addFollowUpSchema>) {
  return change(actor, input, "update:warning", async (report, tx) => {
    if (report.status !== "IN_FOLLOW_UP") throw refuse("warning.errors.notInFollowUp");
    await assertOfficeStaff(tx, report.officeId, input.ownerId, "ownerId");
    const followUp = await tx.warningFollowUp.create({
      data: { reportId: report.id, type: input.type, description: input.description, ownerId: input.ownerId, dueOn: new Date(`${input.dueOn}T00:00:00Z`), createdById: actor.id },
      select: { id: true },
    });
    return {
      steps: [{ kind: "FOLLOW_UP", body: input.type }],
      audit: { action: "warning.follow_up", after: { followUpId: followUp.id, type: input.type, ownerId: input.ownerId, dueOn: input.dueOn } },
      event: input.ownerId !== actor.id ? { kind: "assigned", userId: input.ownerId } : undefined,
    };
  });
}

export function completeFollowUp(actor: SessionUser, input: z.output<typeof completeFollowUpSchema>) {
  return change(actor, input, "update:warning", async (report, tx, now) => {
    const { count } = await tx.warningFollowUp.updateMany({
      where: { id: assertId(input.followUpId), reportId: report.id, doneAt: null },
      data: { doneAt: now, outcome: input.outcome },
    });
    if (count === 0) throw new AppError("NOT_FOUND");
    return { steps: [{ kind: "FOLLOW_UP_DONE", body: input.outcome }], audit: { action: "warning.follow_up_done", after: { followUpId: input.followUpId } } };
  });
}

export function closeReport(actor: SessionUser, input: z.output<typeof closeSchema>) {
  return change(actor, input, "update:warning", async (report, tx, now) => {
    if (report.status !== "IN_FOLLOW_UP") throw refuse("warning.errors.notInFollowUp");
    const open = await tx.warningFollowUp.count({ where: { reportId: report.id, doneAt: null } });
    if (open > 0) throw refuse("warning.errors.openFollowUps");
    return {
      data: { status: "CLOSED_VALID", closedAt: now },
      steps: [{ kind: "NOTE", body: input.outcome }, statusStep("CLOSED_VALID")],
      audit: { action: "warning.close", before: { status: report.status }, after: { status: "CLOSED_VALID" } },
      event: { kind: "status" },
    };
  });
}

/**
 * A Kanwil (its own offices) or the national level (any office) sends a report that waits above
 * office level, or sits at the wrong office, to the office that should handle it. The SLA clock
 * keeps running from filing.
 */
export function routeReport(actor: SessionUser, input: z.output<typeof routeSchema>) {
  return change(actor, input, "route:warning", async (report, tx) => {
    if (report.status !== "NEW") throw refuse("warning.errors.wrongStatus");
    const office = await tx.office.findFirst({ where: { AND: [{ id: assertId(input.officeId), active: true }, officeWhere(actor, "route:warning")] }, select: { id: true, kanwilId: true } });
    if (!office) throw new AppError("VALIDATION", undefined, { officeId: "warning.errors.officeNotFound" });
    if (office.id === report.officeId) throw new AppError("VALIDATION", undefined, { officeId: "warning.errors.sameOffice" });
    return {
      data: { officeId: office.id, kanwilId: office.kanwilId, assignedToId: null },
      steps: [{ kind: "ROUTED" }],
      audit: { action: "warning.route", before: { officeId: report.officeId }, after: { officeId: office.id } },
      event: { kind: "routed", officeId: office.id },
    };
  });
}

/** The reporter's answer to the office's question (a village account, its own report). */
export async function answerQuestion(actor: SessionUser, input: z.output<typeof answerSchema>) {
  const report = await loadReport(actor, input.reportId, "answer:warning");
  return recordAnswer(report, input.answer, actor);
}

/** The answer of a reporter (signed in, or a public tipster by the tracking code). */
export async function recordAnswer(report: LoadedReport, answer: string, actor: SessionUser | null, now = new Date()) {
  if (report.status !== "NEEDS_INFO") throw refuse("warning.errors.noQuestion");
  const status: WarningStatus = report.verification ? "IN_FOLLOW_UP" : "IN_VERIFICATION";
  return db.$transaction(async (tx) => {
    const { count } = await tx.warningReport.updateMany({ where: { id: report.id, status: "NEEDS_INFO" }, data: { status, version: { increment: 1 } } });
    if (count === 0) throw refuse("warning.errors.noQuestion");
    await tx.warningStep.create({ data: { reportId: report.id, kind: "ANSWER", actorId: actor?.id ?? null, status, body: answer, forReporter: true, at: now } });
    await recordAudit(tx, actor, { action: "warning.answer", entityType: "warning", entityId: report.id, officeId: report.officeId, changes: { after: { status } } });
    await warningChanged(tx, report, { kind: "answer" }, actor);
    return { id: report.id };
  });
}

/** A Kanwil's reminder (tegur) about an overdue report of one of its offices. */
export async function remindOffice(actor: SessionUser, input: z.output<typeof remindSchema>, now = new Date()) {
  const report = await loadReport(actor, input.reportId, "remind:warning");
  if (!isOpen(report.status) || !report.officeId) throw refuse("warning.errors.closed");
  if (slaState(report, now) !== "overdue") throw refuse("warning.errors.notOverdue");
  return db.$transaction(async (tx) => {
    const reminder = await tx.warningReminder.create({ data: { reportId: report.id, sentById: actor.id, message: input.message, sentAt: now }, select: { id: true } });
    await tx.warningStep.create({ data: { reportId: report.id, kind: "REMINDER", actorId: actor.id, body: input.message, at: now } });
    await recordAudit(tx, actor, { action: "warning.remind", entityType: "warning", entityId: report.id, officeId: report.officeId, changes: { after: { reminderId: reminder.id } } });
    await warningChanged(tx, report, { kind: "reminder", reminderId: reminder.id }, actor);
    return reminder;
  });
}

/** The office acknowledges a Kanwil's reminder. */
export async function acknowledgeReminder(actor: SessionUser, input: z.output<typeof acknowledgeSchema>, now = new Date()) {
  const report = await loadReport(actor, input.reportId, "update:warning");
  return db.$transaction(async (tx) => {
    const { count } = await tx.warningReminder.updateMany({
      where: { id: assertId(input.reminderId), reportId: report.id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: actor.id },
    });
    if (count === 0) throw new AppError("NOT_FOUND");
    await tx.warningStep.create({ data: { reportId: report.id, kind: "ACKNOWLEDGED", actorId: actor.id, at: now } });
    await recordAudit(tx, actor, { action: "warning.acknowledge", entityType: "warning", entityId: report.id, officeId: report.officeId, changes: { after: { reminderId: input.reminderId } } });
    return { id: input.reminderId };
  });
}
