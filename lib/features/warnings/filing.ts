import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WarningCategory, WarningSource } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { createStoredFile, prepareUpload, sniffType, type PreparedFile } from "@/lib/server/files";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { newTicketCode, newTrackingCode } from "@/lib/features/warnings/codes";
import { warningFiled } from "@/lib/features/warnings/events";
import type { fileReportSchema, publicTipSchema } from "@/lib/features/warnings/schemas";
import { latestIndonesianToday, monthOf, slaTimes } from "@/lib/features/warnings/sla";

type Tx = Prisma.TransactionClient;

/**
 * Where a report about a village goes (ADR 0018): the office of the desa binaan; else the office
 * whose work area holds the village's regency; else the Kanwil of its province; else the national
 * level (both null). A tip is never refused for want of an office.
 */
export type Routing = {
  villageCode: string;
  provinceCode: string;
  timeZone: string;
  desaBinaanId: string | null;
  officeId: string | null;
  kanwilId: string | null;
};

export async function routeVillage(client: Tx | typeof db, villageCode: string): Promise<Routing | null> {
  const village = await client.village.findUnique({
    where: { code: villageCode },
    select: {
      code: true,
      regencyCode: true,
      provinceCode: true,
      province: { select: { timeZone: true, kanwil: { select: { id: true } } } },
      desaBinaan: { select: { id: true, office: { select: { id: true, kanwilId: true } } } },
    },
  });
  if (!village) return null;
  const base = { villageCode: village.code, provinceCode: village.provinceCode, timeZone: village.province.timeZone };
  if (village.desaBinaan) {
    const { office } = village.desaBinaan;
    return { ...base, desaBinaanId: village.desaBinaan.id, officeId: office.id, kanwilId: office.kanwilId };
  }
  const holder = await client.officeRegency.findFirst({
    where: { regencyCode: village.regencyCode, office: { active: true } },
    select: { office: { select: { id: true, kanwilId: true } } },
  });
  if (holder) return { ...base, desaBinaanId: null, officeId: holder.office.id, kanwilId: holder.office.kanwilId };
  return { ...base, desaBinaanId: null, officeId: null, kanwilId: village.province.kanwil?.id ?? null };
}

export async function slaPolicy(client: Tx | typeof db, category: WarningCategory) {
  const policy = await client.warningSlaPolicy.findUnique({ where: { category } });
  return policy ?? { hours: 24, urgentHours: 6, warnPercent: 75 };
}

/** An attachment is a photo (decoded and re-encoded without metadata) or a PDF, told apart by its bytes. */
export async function prepareAttachments(files: File[]): Promise<PreparedFile[]> {
  const prepared: PreparedFile[] = [];
  for (const file of files) {
    const data = new Uint8Array(await file.arrayBuffer());
    const kind = sniffType(data) === "application/pdf" ? "pdf" : "photo";
    try {
      prepared.push(await prepareUpload(kind, { data, name: file.name }, "attachments"));
    } catch (error) {
      // One message for the field, whatever the file: too large, or neither a photo nor a PDF.
      if (error instanceof AppError) {
        const key = Object.values(error.fieldErrors ?? {})[0] ?? "";
        throw new AppError("VALIDATION", undefined, { attachments: /TooBig|TooLarge/i.test(key) ? "warning.errors.fileTooBig" : "warning.errors.fileType" });
      }
      throw error;
    }
  }
  return prepared;
}

type NewReport = {
  source: WarningSource;
  routing: Routing;
  fields: Pick<z.output<typeof publicTipSchema>, "category" | "urgency" | "description" | "occurredOn" | "place" | "peopleInvolved">;
  filedById: string | null;
  reporterContact?: string | null;
  consent?: boolean;
  files: PreparedFile[];
  now?: Date;
};

function assertNotFuture(occurredOn: string, now: Date) {
  if (occurredOn > latestIndonesianToday(now)) throw new AppError("VALIDATION", undefined, { occurredOn: "warning.errors.occurredInFuture" });
}

/**
 * A report once admitted must not be lost to a busy pool (a flood of tips from many addresses, or
 * a busy machine): wait for a connection longer than Prisma's 2 s default before giving up.
 */
const TRANSACTION_WAIT = { maxWait: 15_000, timeout: 30_000 };

/** Creates a report with its SLA times, first step, attachments and audit entry, in one transaction. */
async function createReport(actor: AuditActor | null, input: NewReport) {
  const now = input.now ?? new Date();
  assertNotFuture(input.fields.occurredOn, now);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const policy = await slaPolicy(tx, input.fields.category);
        const times = slaTimes(now, input.fields.urgency === "URGENT", policy);
        const { routing } = input;
        const report = await tx.warningReport.create({
          data: {
            ticketCode: newTicketCode(),
            trackingCode: input.source === "PUBLIC" ? newTrackingCode() : null,
            source: input.source,
            ...input.fields,
            occurredOn: new Date(`${input.fields.occurredOn}T00:00:00Z`),
            villageCode: routing.villageCode,
            desaBinaanId: routing.desaBinaanId,
            provinceCode: routing.provinceCode,
            officeId: routing.officeId,
            kanwilId: routing.kanwilId,
            filedById: input.filedById,
            reporterContact: input.reporterContact ?? null,
            consentAt: input.consent ? now : null,
            filedAt: now,
            filedMonth: monthOf(now, routing.timeZone),
            ...times,
          },
          select: { id: true, ticketCode: true, trackingCode: true, officeId: true, kanwilId: true, warnAt: true, dueAt: true, filedById: true },
        });
        await tx.warningStep.create({ data: { reportId: report.id, kind: "FILED", actorId: input.filedById, status: "NEW", forReporter: true, at: now } });
        for (const file of input.files) {
          const fileId = await createStoredFile(tx, file, { officeId: routing.officeId, createdById: input.filedById });
          await tx.warningAttachment.create({ data: { reportId: report.id, fileId } });
        }
        // The audit entry names what was filed, never what it says (the content is personal data).
        await recordAudit(tx, actor, {
          action: "warning.file",
          entityType: "warning",
          entityId: report.id,
          officeId: report.officeId,
          changes: { after: { ticketCode: report.ticketCode, source: input.source, category: input.fields.category, urgency: input.fields.urgency, attachments: input.files.length } },
        });
        await warningFiled(tx, report);
        return report;
      }, TRANSACTION_WAIT);
    } catch (error) {
      // A ticket or tracking code already taken (about one in 10^11): draw again.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

/**
 * A report by a signed-in user: a village account reports about its own village, an officer about
 * a desa binaan of the office. Another office's desa binaan reads as not found.
 */
export async function fileReport(actor: SessionUser, input: z.output<typeof fileReportSchema>, now?: Date) {
  const scope = requireScope(actor, "create:warning");
  const desaBinaanId = scope === "own-village" ? actor.desaBinaanId : input.desaBinaanId;
  if (!desaBinaanId) throw new AppError("VALIDATION", undefined, { desaBinaanId: "validation.required" });
  const desa = await db.desaBinaan.findFirst({
    where: {
      id: desaBinaanId,
      ...(scope === "own-village" ? {} : scope === "own-office" ? { officeId: actor.officeId ?? "" } : {}),
    },
    select: { villageCode: true },
  });
  if (!desa) throw new AppError("NOT_FOUND");
  const routing = await routeVillage(db, desa.villageCode);
  if (!routing) throw new AppError("NOT_FOUND");
  const files = await prepareAttachments(input.attachments);
  const { category, urgency, description, occurredOn, place, peopleInvolved } = input;
  const report = await createReport(actor, {
    source: scope === "own-village" ? "VILLAGE" : "OFFICER",
    routing,
    fields: { category, urgency, description, occurredOn, place, peopleInvolved },
    filedById: actor.id,
    files,
    now,
  });
  return { id: report.id, ticketCode: report.ticketCode };
}

/**
 * A tip from the public (/lapor): routed by the village (ADR 0018), with the consent time; gives
 * back the ticket code and the secret tracking code, shown once. Flood limits and the
 * proof-of-work challenge are the caller's (lib/features/warnings/public-tip.ts).
 */
export async function fileTip(input: z.output<typeof publicTipSchema>, now?: Date) {
  const routing = await routeVillage(db, input.villageCode);
  if (!routing) throw new AppError("VALIDATION", undefined, { villageCode: "warning.errors.unknownVillage" });
  const { category, urgency, description, occurredOn, place, peopleInvolved, contact } = input;
  const report = await createReport(null, {
    source: "PUBLIC",
    routing,
    fields: { category, urgency, description, occurredOn, place, peopleInvolved },
    filedById: null,
    reporterContact: contact,
    consent: true,
    files: [],
    now,
  });
  return { ticketCode: report.ticketCode, trackingCode: report.trackingCode! };
}
