import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { WarningCategory, WarningStatus } from "@/lib/generated/prisma/enums";
import { scopeFor } from "@/lib/auth/permissions";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeWhere, requireScope, warningWhere, type SessionUser } from "@/lib/server/scope";
import { OPEN_STATUSES } from "@/lib/features/warnings/triage";
import { slaState } from "@/lib/features/warnings/sla";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { normalizeIndonesianPhone } from "@/lib/phone";

export const QUEUE_PAGE_SIZE = 25;

/** The queue's filters as the URL carries them (Indonesian names, like every portal list). */
export const queueFilterSchema = z.object({
  status: z.union([z.enum(["terbuka", "selesai", "semua"]), z.enum(WarningStatus)]).catch("terbuka"),
  tanda: z.enum(["terlambat", "peringatan"]).optional().catch(undefined),
  kategori: z.enum(WarningCategory).optional().catch(undefined),
  kantor: z.uuid().optional().catch(undefined),
  saya: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

export function parseQueueFilter(query: Record<string, string | string[] | undefined>): QueueFilter {
  const flat = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return queueFilterSchema.parse(flat);
}

export function queueQuery(filter: QueueFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.status !== "terbuka") params.set("status", filter.status);
  if (filter.tanda) params.set("tanda", filter.tanda);
  if (filter.kategori) params.set("kategori", filter.kategori);
  if (filter.kantor) params.set("kantor", filter.kantor);
  if (filter.saya) params.set("saya", "1");
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * The office's queue (and the Kanwil's and the nation's view of it): open reports first, the
 * most urgent deadline on top, red-flagged when overdue. A village account sees the reports it
 * filed. Scoped by warningWhere: another office's reports are not in the result at all.
 */
export async function findQueue(user: SessionUser, filter: QueueFilter, now = new Date()) {
  const where: Prisma.WarningReportWhereInput[] = [warningWhere(user, "read:warning")];
  const open = filter.status === "terbuka" || !!filter.tanda;
  const status = filter.status;
  if (open) where.push({ closedAt: null });
  else if (status === "selesai") where.push({ closedAt: { not: null } });
  else if (status !== "semua" && status !== "terbuka") where.push({ status });
  if (filter.tanda === "terlambat") where.push({ firstResponseAt: null, dueAt: { lt: now } });
  if (filter.tanda === "peringatan") where.push({ firstResponseAt: null, warnAt: { lte: now }, dueAt: { gte: now } });
  if (filter.kategori) where.push({ category: filter.kategori });
  if (filter.kantor) where.push({ officeId: filter.kantor });
  if (filter.saya) where.push({ assignedToId: user.id });
  const whereAll = { AND: where };
  const orderBy: Prisma.WarningReportOrderByWithRelationInput[] = open ? [{ dueAt: "asc" }, { id: "asc" }] : [{ filedAt: "desc" }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    db.warningReport.findMany({
      where: whereAll,
      orderBy,
      skip: (filter.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        ticketCode: true,
        source: true,
        category: true,
        urgency: true,
        status: true,
        filedAt: true,
        warnAt: true,
        dueAt: true,
        firstResponseAt: true,
        closedAt: true,
        village: { select: { name: true } },
        office: { select: { name: true } },
        kanwil: { select: { name: true } },
        assignedTo: { select: { name: true } },
        _count: { select: { reminders: { where: { acknowledgedAt: null } } } },
      },
    }),
    db.warningReport.count({ where: whereAll }),
  ]);
  return {
    total,
    pageSize: QUEUE_PAGE_SIZE,
    rows: rows.map(({ _count, ...r }) => ({ ...r, sla: slaState(r, now), open: r.closedAt === null, pendingReminders: _count.reminders })),
  };
}

/** Offices the user may route a report to, and filter the queue by (Kanwil: its own; national: all). */
export async function findOfficeChoices(user: SessionUser) {
  const scope = scopeFor(user.role, "read:warning");
  if (scope !== "any" && scope !== "own-region") return [];
  const offices = await db.office.findMany({ where: { AND: [{ active: true }, officeWhere(user, "read:warning")] }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return offices.map((o) => ({ value: o.id, label: o.name }));
}

/** Desa binaan an officer may file a report for (those of the office). */
export async function findFilingVillages(user: SessionUser) {
  if (requireScope(user, "create:warning") !== "own-office") return [];
  const rows = await db.desaBinaan.findMany({ where: { officeId: user.officeId ?? "" }, orderBy: { villageName: "asc" }, select: { id: true, villageName: true, villageCode: true } });
  return rows.map((d) => ({ value: d.id, label: `${d.villageName} (${d.villageCode})` }));
}

/** Staff who may be given a report or a follow-up: the active officers and admins of the office. */
async function officeStaff(officeId: string | null) {
  if (!officeId) return [];
  return db.user.findMany({
    where: { officeId, active: true, role: { in: ["OFFICE_ADMIN", "OFFICE_OFFICER"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * One report as the office, its Kanwil and the national level see it, with what the reader may
 * do (pages only read `can`). A village account gets the reporter's view (findReportForReporter).
 */
export async function findReportForStaff(user: SessionUser, id: string, now = new Date()) {
  const report = await db.warningReport.findFirst({
    where: { AND: [{ id: assertId(id) }, warningWhere(user, "read:warning")] },
    include: {
      village: { select: { name: true, code: true, district: { select: { name: true } }, regency: { select: { name: true } } } },
      office: { select: { id: true, name: true } },
      kanwil: { select: { name: true } },
      assignedTo: { select: { id: true, name: true } },
      filedBy: { select: { name: true, role: true, phone: true } },
      mergedInto: { select: { id: true, ticketCode: true } },
      duplicates: { select: { id: true, ticketCode: true } },
      steps: { orderBy: { at: "asc" }, select: { id: true, kind: true, status: true, body: true, forReporter: true, at: true, actor: { select: { name: true } } } },
      followUps: { orderBy: { createdAt: "asc" }, select: { id: true, type: true, description: true, dueOn: true, outcome: true, doneAt: true, owner: { select: { name: true } } } },
      attachments: { select: { file: { select: { id: true, fileName: true, mimeType: true, byteSize: true } } } },
      reminders: { orderBy: { sentAt: "asc" }, select: { id: true, message: true, sentAt: true, acknowledgedAt: true, sentBy: { select: { name: true } }, acknowledgedBy: { select: { name: true } } } },
    },
  });
  if (!report) throw new AppError("NOT_FOUND");
  const sla = slaState(report, now);
  const open = OPEN_STATUSES.includes(report.status);
  const officeRole = scopeFor(user.role, "update:warning");
  const mayUpdate = officeRole === "any" || (officeRole === "own-office" && !!report.officeId && report.officeId === user.officeId);
  const routeScope = scopeFor(user.role, "route:warning");
  const mayRoute = report.status === "NEW" && (routeScope === "any" || (routeScope === "own-region" && report.kanwilId === user.kanwilId));
  const remindScope = scopeFor(user.role, "remind:warning");
  const mayRemind = open && sla === "overdue" && !!report.officeId && (remindScope === "any" || (remindScope === "own-region" && report.kanwilId === user.kanwilId));
  // The tipster's tracking code is their key to the public status page, not the staff's business.
  report.trackingCode = null;
  // Who can be told by WhatsApp that something changed: the village account's phone, or a tipster's
  // contact when it is an Indonesian number. The text carries the ticket code and a link only.
  const reporterPhone = report.source === "PUBLIC" ? (report.reporterContact ? normalizeIndonesianPhone(report.reporterContact) : null) : (report.filedBy?.phone ?? null);
  const base = publicBaseUrl();
  return {
    ...report,
    whatsapp: mayUpdate && reporterPhone ? { phone: reporterPhone, link: report.source === "PUBLIC" ? `${base}/lapor/lacak` : `${base}/portal/deteksi/${report.id}` } : null,
    sla,
    open,
    staff: mayUpdate ? await officeStaff(report.officeId) : [],
    can: {
      update: mayUpdate && open,
      startVerification: mayUpdate && (report.status === "NEW" || report.status === "NEEDS_INFO"),
      verify: mayUpdate && ["NEW", "IN_VERIFICATION", "NEEDS_INFO"].includes(report.status),
      followUp: mayUpdate && report.status === "IN_FOLLOW_UP",
      close: mayUpdate && report.status === "IN_FOLLOW_UP" && report.followUps.every((f) => f.doneAt),
      acknowledge: mayUpdate,
      route: mayRoute,
      remind: mayRemind,
    },
  };
}

/**
 * The reporter's view (a village account, its own report): what it said, the status and the
 * steps meant for the reporter (status changes, questions, answers), never the office's notes.
 */
export async function findReportForReporter(user: SessionUser, id: string) {
  const report = await db.warningReport.findFirst({
    where: { AND: [{ id: assertId(id) }, warningWhere(user, "read:warning")] },
    select: {
      id: true,
      ticketCode: true,
      category: true,
      urgency: true,
      status: true,
      description: true,
      place: true,
      occurredOn: true,
      filedAt: true,
      purgedAt: true,
      village: { select: { name: true } },
      office: { select: { name: true } },
      steps: { where: { forReporter: true }, orderBy: { at: "asc" }, select: { id: true, kind: true, status: true, body: true, at: true } },
    },
  });
  if (!report) throw new AppError("NOT_FOUND");
  return { ...report, can: { answer: report.status === "NEEDS_INFO" && scopeFor(user.role, "answer:warning") !== null } };
}

/** Whether the reader sees a report as its reporter (a village account) rather than as staff. */
export function readsAsReporter(user: SessionUser): boolean {
  return scopeFor(user.role, "read:warning") === "own-village";
}

/** What the queue page offers its reader, from the permission map. */
export function queueCan(user: SessionUser) {
  const read = scopeFor(user.role, "read:warning");
  return {
    /** the reporter's view: its own reports, no flags, offices or officers */
    reporter: read === "own-village",
    /** the SLA view across offices: the Kanwil's and the nation's */
    slaView: read === "any" || read === "own-region",
    file: scopeFor(user.role, "create:warning") !== null,
    triage: scopeFor(user.role, "update:warning") !== null,
  };
}

/** An attachment's bytes, for a reader of its report (warningWhere); anything else is not found. */
export async function findReportAttachment(user: SessionUser, reportId: string, fileId: string) {
  const row = await db.warningAttachment.findFirst({
    where: { fileId: assertId(fileId), report: { AND: [{ id: assertId(reportId) }, warningWhere(user, "read:warning")] } },
    select: { file: { select: { data: true, mimeType: true, fileName: true, sha256: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return row.file;
}
