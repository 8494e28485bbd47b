import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { fileReport } from "@/lib/features/warnings/filing";
import { findReportForStaff } from "@/lib/features/warnings/queries";
import { purgeExpiredReports, retentionCutoff, warningRetentionJob } from "@/lib/features/warnings/retention";
import { fileReportSchema } from "@/lib/features/warnings/schemas";
import { addFollowUp, askReporter, closeReport, completeFollowUp, startVerification, verifyReport } from "@/lib/features/warnings/triage";
import { JOBS } from "@/lib/server/job-registry";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const DAY = 24 * 3_600_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A report by office A's officer, worked through to closing, with everything that can name a person. */
async function closedReport(marker: string) {
  const photo = new Uint8Array(await sharp({ create: { width: 20, height: 20, channels: 3, background: "#08c" } }).png().toBuffer());
  const input = fileReportSchema.parse({
    category: "TPPO_INDICATION",
    urgency: "NORMAL",
    description: `${marker}: Pak Darto mendata pemuda untuk kerja di kapal tanpa dokumen.`,
    occurredOn: isoDay(new Date(Date.now() - 3 * DAY)),
    place: "Rumah Pak Darto, Dusun Krajan",
    peopleInvolved: "Rina (17), Dedi (19)",
    desaBinaanId: w.villageA.id,
    attachments: [new File([photo as BlobPart], "bukti.png", { type: "image/png" })],
  });
  const { id } = await fileReport(w.officerA, input);
  // what a public tip also carries (lib/features/warnings/public-tip.ts files those)
  await testDb.warningReport.update({ where: { id }, data: { reporterContact: "0812 3456 7890", trackingCode: `LACAK-${marker}-${id.slice(0, 8)}` } });
  let v = 1;
  await startVerification(w.officerA, { reportId: id, version: v++ });
  await askReporter(w.officerA, { reportId: id, version: v++, question: "Apakah Rina sudah berangkat?" });
  await verifyReport(w.officerA, {
    reportId: id,
    version: v++,
    checks: { sourceReachable: true, factsConfirmed: true, inWorkArea: true, noEarlierReport: true },
    decision: "VALID",
    note: "Dedi dikonfirmasi oleh kepala desa.",
    duplicateOf: null,
  });
  await addFollowUp(w.officerA, { reportId: id, version: v++, type: "COUNSELLING", description: "Konseling keluarga Rina", ownerId: w.adminA.id, dueOn: isoDay(new Date(Date.now() + DAY)) });
  const followUp = await testDb.warningFollowUp.findFirstOrThrow({ where: { reportId: id } });
  await completeFollowUp(w.adminA, { reportId: id, version: v++, followUpId: followUp.id, outcome: "Orang tua Rina membatalkan keberangkatan." });
  await closeReport(w.officerA, { reportId: id, version: v++, outcome: "Selesai: Rina tidak berangkat." });
  // a Kanwil's reminder from when it was overdue (remindOffice only reminds about open, overdue reports)
  await testDb.warningReminder.create({ data: { reportId: id, sentById: w.regionalA.id, message: "Mohon perhatikan kasus Rina." } });
  return id;
}

/** Moves a report's closing back in time: what two years of waiting would do. */
async function closedAgo(id: string, days: number, now: Date) {
  await testDb.warningReport.update({ where: { id }, data: { closedAt: new Date(now.getTime() - days * DAY) } });
}

describe("retention of early-warning reports (2 years after closing)", () => {
  it("erases what a report says about people two years after closing, and keeps what the scores count", async () => {
    const now = new Date();
    const expired = await closedReport("kedaluwarsa");
    const recent = await closedReport("masih-disimpan");
    await closedAgo(expired, 2 * 366, now);
    await closedAgo(recent, 2 * 365 - 30, now);
    const fileIds = (await testDb.warningAttachment.findMany({ where: { reportId: expired }, select: { fileId: true } })).map((a) => a.fileId);
    expect(fileIds).toHaveLength(1);
    const before = await testDb.warningReport.findUniqueOrThrow({ where: { id: expired } });
    const scoresBefore = await testDb.warningOfficeMonth.findMany({ where: { officeId: w.officeA.id }, orderBy: { month: "asc" } });

    expect(await purgeExpiredReports(now)).toBeGreaterThanOrEqual(1);

    const after = await testDb.warningReport.findUniqueOrThrow({ where: { id: expired } });
    expect(after).toMatchObject({ description: "", peopleInvolved: null, reporterContact: null, place: null, trackingCode: null, verification: null, purgedAt: now });
    // the facts stay: ticket, category, status, office, dates
    expect(after).toMatchObject({ ticketCode: before.ticketCode, category: before.category, status: before.status, officeId: before.officeId, filedAt: before.filedAt, closedAt: before.closedAt, firstResponseAt: before.firstResponseAt });
    expect(after.version).toBe(before.version + 1);
    const steps = await testDb.warningStep.findMany({ where: { reportId: expired }, select: { kind: true, body: true } });
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.every((s) => s.body === null)).toBe(true);
    expect(await testDb.warningFollowUp.findMany({ where: { reportId: expired }, select: { description: true, outcome: true } })).toEqual([{ description: null, outcome: null }]);
    expect((await testDb.warningReminder.findMany({ where: { reportId: expired }, select: { message: true } })).map((r) => r.message)).toEqual([null]);
    expect(await testDb.warningAttachment.count({ where: { reportId: expired } })).toBe(0);
    expect(await testDb.storedFile.count({ where: { id: { in: fileIds } } })).toBe(0);
    // nothing of it left in any text column of the report's rows
    const leftovers = await testDb.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT r::text AS t FROM warning_report r WHERE id = ${expired}::uuid
        UNION ALL SELECT s::text FROM warning_step s WHERE report_id = ${expired}::uuid
        UNION ALL SELECT f::text FROM warning_follow_up f WHERE report_id = ${expired}::uuid
        UNION ALL SELECT m::text FROM warning_reminder m WHERE report_id = ${expired}::uuid) x
      WHERE t ILIKE '%Rina%' OR t ILIKE '%Dedi%' OR t ILIKE '%Darto%' OR t LIKE '%3456%'`;
    expect(Number(leftovers[0]!.n)).toBe(0);
    // an entry in the audit log, with no content
    const audit = await testDb.auditLog.findMany({ where: { entityId: expired, action: "warning.purge" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.changes)).not.toMatch(/Rina|Darto/);
    // the scores are the same
    expect(await testDb.warningOfficeMonth.findMany({ where: { officeId: w.officeA.id }, orderBy: { month: "asc" } })).toEqual(scoresBefore);
    // the staff page still opens, and says why the content is gone
    const shown = await findReportForStaff(w.officerA, expired);
    expect(shown.purgedAt).toEqual(now);

    // closed a month short of two years: untouched
    const kept = await testDb.warningReport.findUniqueOrThrow({ where: { id: recent } });
    expect(kept).toMatchObject({ purgedAt: null, peopleInvolved: "Rina (17), Dedi (19)", reporterContact: "0812 3456 7890" });
    expect(await testDb.warningAttachment.count({ where: { reportId: recent } })).toBe(1);
  });

  it("leaves open reports alone however old, and erases each report once", async () => {
    const now = new Date();
    const old = await closedReport("sekali");
    await closedAgo(old, 3 * 365, now);
    const open = await fileReport(w.officerA, fileReportSchema.parse({
      category: "TPPO_INDICATION",
      urgency: "NORMAL",
      description: "Laporan lama yang belum selesai: Pak Karto.",
      occurredOn: isoDay(new Date(Date.now() - 800 * DAY)),
      peopleInvolved: "Karto",
      desaBinaanId: w.villageA.id,
      attachments: [],
    }), new Date(now.getTime() - 800 * DAY));

    await purgeExpiredReports(now);
    const first = await testDb.warningReport.findUniqueOrThrow({ where: { id: old } });
    expect(first.purgedAt).toEqual(now);
    // a second run (another night, another instance) finds nothing more to do for it
    const later = new Date(now.getTime() + DAY);
    await purgeExpiredReports(later);
    const second = await testDb.warningReport.findUniqueOrThrow({ where: { id: old } });
    expect([second.purgedAt, second.version]).toEqual([now, first.version]);
    expect(await testDb.auditLog.count({ where: { entityId: old, action: "warning.purge" } })).toBe(1);

    const stillOpen = await testDb.warningReport.findUniqueOrThrow({ where: { id: open.id } });
    expect(stillOpen).toMatchObject({ purgedAt: null, peopleInvolved: "Karto", closedAt: null });
  });

  it("counts two calendar years back, and runs nightly from the job queue", () => {
    expect(retentionCutoff(new Date("2026-12-03T10:00:00Z")).toISOString()).toBe("2024-12-03T10:00:00.000Z");
    expect(JOBS).toContain(warningRetentionJob);
    expect(warningRetentionJob.cron).toBe("30 2 * * *");
  });
});
