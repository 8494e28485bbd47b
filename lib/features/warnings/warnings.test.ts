import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { PermissionKey } from "@/lib/auth/permissions";
import { createOffice } from "@/lib/factories";
import { warningSlaJob } from "@/lib/features/warnings/events";
import { fileReport } from "@/lib/features/warnings/filing";
import { findQueue, findReportForReporter, findReportForStaff, parseQueueFilter } from "@/lib/features/warnings/queries";
import { fileReportSchema } from "@/lib/features/warnings/schemas";
import {
  acknowledgeReminder,
  addFollowUp,
  addNote,
  answerQuestion,
  askReporter,
  assignReport,
  closeReport,
  completeFollowUp,
  eraseContact,
  remindOffice,
  routeReport,
  startVerification,
  verifyReport,
} from "@/lib/features/warnings/triage";
import idWarnings from "@/lib/i18n/messages/id/warnings.json";
import type { SessionUser } from "@/lib/server/scope";
import { createTwoOfficeWorld, outcome, testDb, expectedOutcome, matrixActors, type Side } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let officeA2: { id: string };
beforeAll(async () => {
  w = await createTwoOfficeWorld();
  // A second office under Kanwil A: where the Kanwil and the national level route reports.
  officeA2 = await createOffice(testDb, { provinceCode: "33", kanwilId: w.officeA.kanwilId, workArea: ["33.15"] });
});

const HOUR = 3_600_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

function reportInput(overrides: Record<string, unknown> = {}) {
  return fileReportSchema.parse({
    category: "TPPO_INDICATION",
    urgency: "NORMAL",
    description: "Ada perekrut yang mendata pemuda untuk bekerja di luar negeri tanpa dokumen.",
    occurredOn: day(new Date(Date.now() - 2 * 24 * HOUR)),
    place: "Dusun Krajan",
    peopleInvolved: "Budi (19), calon PMI",
    attachments: [],
    ...overrides,
  });
}


/** A report on office A's side (filed by A's village account) or office B's (filed by B's officer). */
async function report(side: Side, options: { hoursAgo?: number; status?: "NEEDS_INFO"; contact?: string } = {}) {
  const now = new Date(Date.now() - (options.hoursAgo ?? 1) * HOUR);
  const created =
    side === "own"
      ? await fileReport(w.villageUserA, reportInput(), now)
      : await fileReport(w.officerB, reportInput({ desaBinaanId: w.villageB.id }), now);
  if (options.status) await testDb.warningReport.update({ where: { id: created.id }, data: { status: options.status } });
  // a public tip's contact (lib/features/warnings/public-tip.ts files those)
  if (options.contact) await testDb.warningReport.update({ where: { id: created.id }, data: { reporterContact: options.contact } });
  return testDb.warningReport.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, version: true, ticketCode: true } });
}

const actors = () => matrixActors(w);

const expected = expectedOutcome;

/** Every report action, run against a fresh report on either side. */
const ACTIONS: Record<string, { key: PermissionKey; run: (actor: SessionUser, side: Side) => Promise<unknown> }> = {
  read: {
    key: "read:warning",
    run: async (actor, side) => {
      const r = await report(side);
      return actor.role === "VILLAGE" ? findReportForReporter(actor, r.id) : findReportForStaff(actor, r.id);
    },
  },
  triage: { key: "update:warning", run: async (actor, side) => addNote(actor, { reportId: (await report(side)).id, version: 1, note: "Dicek ke kepala desa." }) },
  route: { key: "route:warning", run: async (actor, side) => routeReport(actor, { reportId: (await report(side)).id, version: 1, officeId: officeA2.id }) },
  remind: { key: "remind:warning", run: async (actor, side) => remindOffice(actor, { reportId: (await report(side, { hoursAgo: 30 })).id, message: null }) },
  eraseContact: { key: "update:warning", run: async (actor, side) => eraseContact(actor, { reportId: (await report(side, { contact: "0812 1111 2222" })).id, version: 1 }) },
  answer: { key: "answer:warning", run: async (actor, side) => answerQuestion(actor, { reportId: (await report(side, { status: "NEEDS_INFO" })).id, answer: "Sudah berangkat kemarin." }) },
};

describe("early-warning authorization matrix (from the permission map)", () => {
  for (const [name, action] of Object.entries(ACTIONS)) {
    for (const side of ["own", "other"] as const) {
      it(`${name} on the ${side} side`, async () => {
        const got: Record<string, string> = {};
        const want: Record<string, string> = {};
        for (const [label, actor] of Object.entries(actors())) {
          want[label] = expected(actor, action.key, side);
          got[label] = await outcome(action.run(actor, side));
        }
        expect(got).toEqual(want);
      });
    }
  }

  it("file: an officer for the office's desa binaan only, a village account for its own village, nobody above", async () => {
    const got = {
      national: await outcome(fileReport(w.national, reportInput({ desaBinaanId: w.villageA.id }))),
      regional: await outcome(fileReport(w.regionalA, reportInput({ desaBinaanId: w.villageA.id }))),
      officerOwn: await outcome(fileReport(w.officerA, reportInput({ desaBinaanId: w.villageA.id }))),
      officerOther: await outcome(fileReport(w.officerA, reportInput({ desaBinaanId: w.villageB.id }))),
      village: await outcome(fileReport(w.villageUserA, reportInput({ desaBinaanId: w.villageB.id }))),
    };
    expect(got).toEqual({ national: "FORBIDDEN", regional: "FORBIDDEN", officerOwn: "OK", officerOther: "NOT_FOUND", village: "OK" });
    // The village account's report is about its own village, whatever id the form sent.
    const mine = await testDb.warningReport.findFirstOrThrow({ where: { filedById: w.villageUserA.id }, orderBy: { filedAt: "desc" } });
    expect([mine.desaBinaanId, mine.officeId, mine.kanwilId, mine.source]).toEqual([w.villageA.id, w.officeA.id, w.officeA.kanwilId, "VILLAGE"]);
  });

  it("erases the reporter's contact on request, once, and says so in the timeline", async () => {
    const r = await report("own", { contact: "0812 3333 4444" });
    await eraseContact(w.officerA, { reportId: r.id, version: r.version });
    const after = await testDb.warningReport.findUniqueOrThrow({ where: { id: r.id }, include: { steps: { orderBy: { at: "asc" } } } });
    expect([after.reporterContact, after.version, after.description]).toEqual([null, r.version + 1, reportInput().description]);
    expect(after.steps.map((s) => [s.kind, s.body, s.forReporter])).toContainEqual(["CONTACT_ERASED", null, false]);
    expect(await testDb.auditLog.count({ where: { entityId: r.id, action: "warning.erase_contact" } })).toBe(1);
    const again = eraseContact(w.officerA, { reportId: r.id, version: r.version + 1 });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { _form: "warning.errors.noContact" } });
    expect(idWarnings.warning.errors.noContact).toMatch(/tidak menyimpan kontak/);
  });

  it("lists another office's reports nowhere", async () => {
    const other = await report("other");
    const { rows } = await findQueue(w.adminA, parseQueueFilter({ status: "semua" }));
    expect(rows.map((r) => r.id)).not.toContain(other.id);
    const { rows: regional } = await findQueue(w.regionalA, parseQueueFilter({ status: "semua" }));
    expect(regional.map((r) => r.id)).not.toContain(other.id);
  });
});

describe("triage", () => {
  it("runs from filing to closing, with the first response, the reporter's answer and the scores", async () => {
    const filedAt = new Date(Date.now() - 5 * HOUR);
    const { id } = await fileReport(w.villageUserA, reportInput(), filedAt);
    let v = 1;
    await startVerification(w.officerA, { reportId: id, version: v++ });
    const afterFirst = await testDb.warningReport.findUniqueOrThrow({ where: { id } });
    expect(afterFirst.status).toBe("IN_VERIFICATION");
    expect(afterFirst.firstResponseAt).not.toBeNull();
    expect(afterFirst.assignedToId).toBe(w.officerA.id);

    await askReporter(w.officerA, { reportId: id, version: v++, question: "Kapan mereka berangkat?" });
    await answerQuestion(w.villageUserA, { reportId: id, answer: "Minggu depan." });
    v++;
    expect((await testDb.warningReport.findUniqueOrThrow({ where: { id } })).status).toBe("IN_VERIFICATION");

    await addNote(w.officerA, { reportId: id, version: v++, note: "Catatan internal: cek ke sponsor." });
    await verifyReport(w.officerA, {
      reportId: id,
      version: v++,
      checks: { sourceReachable: true, factsConfirmed: true, inWorkArea: true, noEarlierReport: true },
      decision: "VALID",
      note: "Benar ada perekrutan.",
      duplicateOf: null,
    });
    const dueOn = day(new Date(Date.now() + 3 * 24 * HOUR));
    await addFollowUp(w.officerA, { reportId: id, version: v++, type: "COUNSELLING", description: null, ownerId: w.adminA.id, dueOn });
    expect(await outcome(closeReport(w.officerA, { reportId: id, version: v, outcome: "Selesai." }))).toBe("CONFLICT");
    const followUp = await testDb.warningFollowUp.findFirstOrThrow({ where: { reportId: id } });
    await completeFollowUp(w.adminA, { reportId: id, version: v++, followUpId: followUp.id, outcome: "Keluarga diberi penyuluhan." });
    await closeReport(w.officerA, { reportId: id, version: v++, outcome: "Keberangkatan dibatalkan." });

    const closed = await testDb.warningReport.findUniqueOrThrow({ where: { id } });
    expect([closed.status, closed.version]).toEqual(["CLOSED_VALID", v]);
    // The reporter sees status changes, the question and the answer; never the office's notes.
    const seen = await findReportForReporter(w.villageUserA, id);
    expect(seen.steps.map((s) => s.kind)).toEqual(["FILED", "STATUS", "QUESTION", "ANSWER", "STATUS", "STATUS"]);
    expect(JSON.stringify(seen)).not.toContain("Catatan internal");
    expect(JSON.stringify(seen)).not.toContain("Budi");
    // Every step audited.
    const audit = await testDb.auditLog.findMany({ where: { entityType: "warning", entityId: id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["warning.answer", "warning.ask", "warning.close", "warning.file", "warning.follow_up", "warning.follow_up_done", "warning.note", "warning.status", "warning.verify"].sort(),
    );
  });

  it("refuses the second of two officers acting on the same version, and writes nothing of it", async () => {
    const { id } = await report("own");
    const results = await Promise.all([
      outcome(addNote(w.officerA, { reportId: id, version: 1, note: "Pertama" })),
      outcome(askReporter(w.adminA, { reportId: id, version: 1, question: "Kedua" })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    const steps = await testDb.warningStep.findMany({ where: { reportId: id, kind: { in: ["NOTE", "QUESTION"] } } });
    expect(steps).toHaveLength(1);
    expect((await testDb.warningReport.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    await expect(addNote(w.officerA, { reportId: id, version: 1, note: "Basi" })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { _form: "warning.errors.stale" } });
  });

  it("merges a duplicate into the report that is kept", async () => {
    const kept = await report("own");
    const dup = await report("own");
    await verifyReport(w.officerA, { reportId: dup.id, version: 1, checks: { sourceReachable: true, factsConfirmed: false, inWorkArea: true, noEarlierReport: false }, decision: "DUPLICATE", note: "Sama", duplicateOf: kept.ticketCode.toLowerCase() });
    const merged = await testDb.warningReport.findUniqueOrThrow({ where: { id: dup.id } });
    expect([merged.status, merged.mergedIntoId]).toEqual(["CLOSED_DUPLICATE", kept.id]);
    const other = await report("other");
    const third = await report("own");
    // Another office's ticket is not found, like a wrong one.
    await expect(
      verifyReport(w.officerA, { reportId: third.id, version: 1, checks: { sourceReachable: false, factsConfirmed: false, inWorkArea: false, noEarlierReport: false }, decision: "DUPLICATE", note: "x", duplicateOf: other.ticketCode }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { duplicateOf: "warning.errors.duplicateNotFound" } });
  });

  it("lets the Kanwil remind only about overdue reports, and the office acknowledge", async () => {
    const fresh = await report("own", { hoursAgo: 2 });
    await expect(remindOffice(w.regionalA, { reportId: fresh.id, message: null })).rejects.toMatchObject({ fieldErrors: { _form: "warning.errors.notOverdue" } });
    const late = await report("own", { hoursAgo: 25 });
    const reminder = await remindOffice(w.regionalA, { reportId: late.id, message: "Mohon segera ditanggapi." });
    const { rows } = await findQueue(w.regionalA, parseQueueFilter({ tanda: "terlambat" }));
    expect(rows.find((r) => r.id === late.id)).toMatchObject({ sla: "overdue", pendingReminders: 1 });
    await acknowledgeReminder(w.officerA, { reportId: late.id, reminderId: reminder.id });
    expect((await testDb.warningReminder.findUniqueOrThrow({ where: { id: reminder.id } })).acknowledgedById).toBe(w.officerA.id);
    expect(await outcome(acknowledgeReminder(w.officerA, { reportId: late.id, reminderId: reminder.id }))).toBe("NOT_FOUND");
  });

  it("routes a report within the Kanwil; the SLA clock keeps running from filing", async () => {
    const r = await report("own", { hoursAgo: 3 });
    const before = await testDb.warningReport.findUniqueOrThrow({ where: { id: r.id } });
    await routeReport(w.regionalA, { reportId: r.id, version: 1, officeId: officeA2.id });
    const after = await testDb.warningReport.findUniqueOrThrow({ where: { id: r.id } });
    expect([after.officeId, after.dueAt.getTime(), after.firstResponseAt]).toEqual([officeA2.id, before.dueAt.getTime(), null]);
    // Office A no longer sees it; office B never could be chosen by Kanwil A.
    expect(await outcome(findReportForStaff(w.officerA, r.id))).toBe("NOT_FOUND");
    const again = await report("own");
    expect(await outcome(routeReport(w.regionalA, { reportId: again.id, version: 1, officeId: w.officeB.id }))).toBe("VALIDATION");
  });
});

describe("attachments", () => {
  const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as BlobPart], name, { type });

  it("keeps photos re-encoded without metadata and PDFs as sent", async () => {
    const png = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c00" } }).png().toBuffer());
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const { id } = await fileReport(w.officerA, reportInput({ desaBinaanId: w.villageA.id, attachments: [file(png, "bukti.png", "image/png"), file(pdf, "surat.pdf", "application/pdf")] }));
    const stored = await testDb.warningAttachment.findMany({ where: { reportId: id }, select: { file: { select: { mimeType: true, fileName: true } } } });
    expect(stored.map((s) => s.file.mimeType).sort()).toEqual(["application/pdf", "image/jpeg"]);
  });

  it("refuses a fake photo and an oversized file, writing no report", async () => {
    const before = await testDb.warningReport.count();
    const fake = file(new TextEncoder().encode("<svg onload=alert(1)>"), "foto.jpg", "image/jpeg");
    await expect(fileReport(w.officerA, reportInput({ desaBinaanId: w.villageA.id, attachments: [fake] }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { attachments: "warning.errors.fileType" } });
    const huge = file(new Uint8Array(11 * 1024 * 1024), "besar.pdf", "application/pdf");
    await expect(fileReport(w.officerA, reportInput({ desaBinaanId: w.villageA.id, attachments: [huge] }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { attachments: "warning.errors.fileTooBig" } });
    expect(await testDb.warningReport.count()).toBe(before);
  });

  it("refuses more than five files and a date in the future", () => {
    const files = Array.from({ length: 6 }, (_, i) => file(new Uint8Array([1]), `${i}.pdf`, "application/pdf"));
    expect(fileReportSchema.safeParse({ ...reportInput(), attachments: files }).error?.issues[0]?.message).toBe("warning.errors.tooManyFiles");
  });
});

describe("notifications and SLA jobs", () => {
  const notifications = (reportId: string) =>
    testDb.notification.findMany({ where: { subjectId: reportId }, select: { kind: true, recipientId: true, reference: true } });

  it("tells the office of a new report, schedules its deadlines, and notifies an overdue one once, Kanwil included", async () => {
    const filedAt = new Date(Date.now() - 30 * HOUR);
    const { id, ticketCode } = await fileReport(w.villageUserA, reportInput(), filedAt);
    const filed = await notifications(id);
    expect(filed.filter((n) => n.kind === "REPORT_NEW").map((n) => n.recipientId).sort()).toEqual([w.adminA.id, w.officerA.id].sort());
    // Only the ticket code travels (UU PDP): never what the report says or who is in it.
    expect(filed.every((n) => n.reference === ticketCode)).toBe(true);

    const jobs = await testDb.$queryRaw<{ stage: string; start_after: Date }[]>`
      SELECT data->>'stage' AS stage, start_after FROM pgboss.job WHERE name = 'warning-sla' AND data->>'reportId' = ${id} ORDER BY start_after`;
    const report = await testDb.warningReport.findUniqueOrThrow({ where: { id } });
    expect(jobs.map((j) => [j.stage, j.start_after.getTime()])).toEqual([
      ["warning", report.warnAt.getTime()],
      ["overdue", report.dueAt.getTime()],
    ]);

    // The deadline job runs (and, as a retry would, runs again): one notification per person.
    await warningSlaJob.handler({ reportId: id, stage: "overdue" }, { jobId: "test", attempt: 0 });
    await warningSlaJob.handler({ reportId: id, stage: "overdue" }, { jobId: "test", attempt: 1 });
    const overdue = (await notifications(id)).filter((n) => n.kind === "REPORT_OVERDUE").map((n) => n.recipientId);
    // (Kanwil A may have overseers created by other test files: all of them, each once.)
    expect(overdue).toEqual(expect.arrayContaining([w.adminA.id, w.officerA.id, w.regionalA.id]));
    expect(new Set(overdue).size).toBe(overdue.length);
    expect(overdue).not.toContain(w.villageUserA.id);
  });

  it("says nothing at a deadline the office already met, and tells the assignee and the reporter what concerns them", async () => {
    const { id } = await fileReport(w.villageUserA, reportInput(), new Date(Date.now() - 20 * HOUR));
    await assignReport(w.adminA, { reportId: id, version: 1, assigneeId: w.officerA.id });
    await startVerification(w.officerA, { reportId: id, version: 2 });
    await warningSlaJob.handler({ reportId: id, stage: "warning" }, { jobId: "test", attempt: 0 });
    const kinds = (await notifications(id)).map((n) => `${n.kind}:${n.recipientId}`);
    expect(kinds).not.toContain(`REPORT_SLA_WARNING:${w.officerA.id}`);
    expect(kinds).toContain(`REPORT_ASSIGNED:${w.officerA.id}`);
    expect(kinds).toContain(`REPORT_STATUS:${w.villageUserA.id}`);
  });
});
