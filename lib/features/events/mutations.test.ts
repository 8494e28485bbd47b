import { beforeAll, describe, expect, it } from "vitest";
import {
  cancelEvent,
  createEvent,
  createInstitution as createInstitutionMutation,
  markEventHeld,
  postponeEvent,
  saveEventReport,
  setCheckInOpen,
  updateEvent,
} from "@/lib/features/events/mutations";
import {
  addAttendee,
  checkIn,
  commitAttendeeImport,
  previewAttendeeImport,
  removeAttendee,
  setAttendanceCounts,
} from "@/lib/features/events/attendance";
import { deleteEventPhoto, uploadEventPhoto } from "@/lib/features/events/photos";
import { attendeesCsv } from "@/lib/features/events/exports";
import { findAttendees, findEventFilterOptions, findEvents, findEventsBetween, getAttendanceExport, getEvent } from "@/lib/features/events/queries";
import { attendeeSchema, checkInSchema, eventFormSchema } from "@/lib/features/events/schemas";
import { createDesaBinaan, createEvent as createEventRow, createInstitution, uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";
import { LONG_CHOICE_LIST } from "@/lib/choices";
import type { SessionUser } from "@/lib/server/scope";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const HOUR = 3_600_000;
const rawForm = (over: Record<string, unknown> = {}) => ({
    type: "SOSIALISASI",
    title: `Sosialisasi TPPO ${uniqueSuffix()}`,
    venueName: "Balai Desa",
    startsAtLocal: "2026-12-10T09:00",
    endsAtLocal: "2026-12-10T12:00",
    desaBinaanIds: [w.villageA.id],
    ...over,
  });
const form = (over: Record<string, unknown> = {}) => eventFormSchema.parse(rawForm(over));
const pastEvent = (officeId: string, over: Parameters<typeof createEventRow>[1] | object = {}) =>
  createEventRow(testDb, { officeId, startsAt: new Date(Date.now() - 2 * HOUR), ...over });
const attendee = (eventId: string, over: Record<string, unknown> = {}) =>
  attendeeSchema.parse({ eventId, name: `Peserta ${uniqueSuffix()}`, category: "WARGA", ...over });
const file = (text: string | Uint8Array, name = "peserta.csv") => ({
  name,
  data: typeof text === "string" ? new TextEncoder().encode(text) : text,
});

describe("createEvent", () => {
  it("schedules a session of the officer's office in the venue's zone, with an audit entry", async () => {
    const partner = await createInstitution(testDb, { name: `BP3MI Uji ${uniqueSuffix()}`, kind: "BP3MI" });
    const created = await createEvent(
      w.officerA,
      form({ speakers: [{ name: "Budi", position: "Kepala", institutionId: partner.id }], partnerIds: [partner.id] }),
    );
    const event = await testDb.event.findUniqueOrThrow({ where: { id: created.id }, include: { villages: true, speakers: true, partners: true } });
    expect(event.officeId).toBe(w.officeA.id);
    expect(event.timeZone).toBe("Asia/Jakarta");
    expect(event.startsAt.toISOString()).toBe("2026-12-10T02:00:00.000Z");
    expect([event.villages.length, event.speakers.length, event.partners.length]).toEqual([1, 1, 1]);
    expect(event.checkInCode).toMatch(/^[0-9A-Z]{8}$/);
    expect(await testDb.auditLog.count({ where: { entityId: created.id, action: "event.create" } })).toBe(1);
  });

  it("takes the zone from the venue village's province (WITA for NTB)", async () => {
    const v = await createDesaBinaan(testDb, { officeId: w.officeA.id, villageCode: (await testDb.village.findFirstOrThrow({ where: { provinceCode: "52", desaBinaan: null } })).code });
    const created = await createEvent(w.officerA, form({ venueVillageId: v.id, desaBinaanIds: [v.id] }));
    const event = await testDb.event.findUniqueOrThrow({ where: { id: created.id } });
    expect(event.timeZone).toBe("Asia/Makassar");
    expect(event.startsAt.toISOString()).toBe("2026-12-10T01:00:00.000Z");
  });

  it("refuses an end before the start, and another office's villages, writing nothing", async () => {
    expect(eventFormSchema.safeParse(rawForm({ endsAtLocal: "2026-12-10T08:00" })).error?.issues[0]?.message).toBe("validation.endBeforeStart");
    const title = `Bukan milik ${uniqueSuffix()}`;
    expect(await outcome(createEvent(w.officerA, form({ title, desaBinaanIds: [w.villageB.id] })))).toBe("VALIDATION");
    expect(await testDb.event.count({ where: { title } })).toBe(0);
  });

  it("is refused to every role without create:event, as is adding to the directory", async () => {
    for (const actor of [w.national, w.regionalA, w.villageUserA]) {
      expect(await outcome(createEvent(actor, form()))).toBe("FORBIDDEN");
      expect(await outcome(createInstitutionMutation(actor, { name: `Instansi ${uniqueSuffix()}`, kind: "LAINNYA" }))).toBe("FORBIDDEN");
    }
  });

  it("adds an office institution once; a national entry's name is taken too", async () => {
    const name = `Disnaker Uji ${uniqueSuffix()}`;
    await createInstitutionMutation(w.officerA, { name, kind: "DISNAKER" });
    expect(await outcome(createInstitutionMutation(w.adminA, { name: name.toUpperCase(), kind: "DISNAKER" }))).toBe("CONFLICT");
    const national = await createInstitution(testDb, { name: `BP3MI Nasional ${uniqueSuffix()}` });
    expect(await outcome(createInstitutionMutation(w.officerB, { name: national.name, kind: "BP3MI" }))).toBe("CONFLICT");
  });
});

describe("authorization matrix on an office A session", () => {
  it("reads: office A staff, its Kanwil, Ditjen and its village yes; office B no", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id, desaBinaanIds: [w.villageA.id] });
    for (const actor of [w.adminA, w.officerA, w.regionalA, w.national, w.villageUserA]) {
      expect(await outcome(getEvent(actor, event.id))).toBe("OK");
    }
    for (const actor of [w.adminB, w.officerB]) expect(await outcome(getEvent(actor, event.id))).toBe("NOT_FOUND");
    const listed = async (actor: SessionUser) => (await findEventsBetween(actor, new Date(event.startsAt.getTime() - 1), event.endsAt)).some((e) => e.id === event.id);
    expect([await listed(w.officerA), await listed(w.regionalA), await listed(w.villageUserA), await listed(w.officerB)]).toEqual([true, true, true, false]);
    expect((await getEvent(w.villageUserA, event.id)).checkInCode).toBeNull();
    // attendee lists are personal data: not for village accounts
    expect(await outcome(findAttendees(w.villageUserA, event.id))).toBe("FORBIDDEN");
    expect(await outcome(findAttendees(w.officerB, event.id))).toBe("NOT_FOUND");
    expect(await outcome(getAttendanceExport(w.regionalA, event.id))).toBe("OK");
    expect(await outcome(getAttendanceExport(w.officerB, event.id))).toBe("NOT_FOUND");
    expect(await outcome(getAttendanceExport(w.villageUserA, event.id))).toBe("FORBIDDEN");
  });

  it("writes: only office A staff; others FORBIDDEN (no permission) or NOT_FOUND (other office)", async () => {
    const event = await pastEvent(w.officeA.id, { desaBinaanIds: [w.villageA.id] });
    const existing = await testDb.attendee.create({
      data: { eventId: event.id, name: "Tetap Ada", category: "WARGA", source: "STAFF", dedupeKey: `tetap ada|@${uniqueSuffix()}` },
    });
    const writes = (actor: SessionUser) => [
      () => updateEvent(actor, { ...form(), eventId: event.id }),
      () => postponeEvent(actor, { eventId: event.id, startsAtLocal: "2026-12-20T09:00", endsAtLocal: "2026-12-20T10:00", reason: "Hujan" }),
      () => setCheckInOpen(actor, { eventId: event.id, open: true }),
      () => addAttendee(actor, attendee(event.id)),
      () => setAttendanceCounts(actor, { eventId: event.id, rows: [{ category: "LURAH", male: 0, female: 0, unknown: 4 }] }),
      () => previewAttendeeImport(actor, event.id, file("nama\nAni\n")),
      () => commitAttendeeImport(actor, event.id, file("nama\nAni\n")),
      () => removeAttendee(actor, { eventId: event.id, attendeeId: existing.id }),
      () => deleteEventPhoto(actor, { eventId: event.id, photoId: crypto.randomUUID() }),
      () => saveEventReport(actor, { eventId: event.id, reportNotes: "x", followUps: null, whatsappGroupShared: false }),
    ];
    for (const actor of [w.national, w.regionalA, w.villageUserA]) {
      for (const write of writes(actor)) expect(await outcome(write())).toBe("FORBIDDEN");
    }
    for (const actor of [w.adminB, w.officerB]) {
      for (const write of writes(actor)) expect(await outcome(write())).toBe("NOT_FOUND");
      expect(await outcome(markEventHeld(actor, { eventId: event.id }))).toBe("NOT_FOUND");
      expect(await outcome(cancelEvent(actor, { eventId: event.id, reason: "x" }))).toBe("NOT_FOUND");
    }
    const after = await testDb.event.findUniqueOrThrow({ where: { id: event.id }, include: { attendees: true, counts: true } });
    expect([after.status, after.checkInOpen, after.attendees.length, after.counts.length]).toEqual(["SCHEDULED", false, 1, 0]);
    const [update, postpone, open, add, counts, preview, commit, remove] = writes(w.officerA);
    for (const write of [update!, postpone!, open!, add!, counts!, preview!, commit!, remove!]) expect(await outcome(write())).toBe("OK");
    // the photo does not exist and the report needs a held session: the owner gets past the scope
    expect(await outcome(writes(w.officerA)[8]!())).toBe("NOT_FOUND");
    expect(await outcome(writes(w.officerA)[9]!())).toBe("CONFLICT");
  });
});

describe("status changes", () => {
  it("postpones with new local times and a reason, then cancels; a cancelled session stays closed", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id, checkInOpen: true });
    await postponeEvent(w.officerA, { eventId: event.id, startsAtLocal: "2027-01-05T13:00", endsAtLocal: "2027-01-05T15:00", reason: "Bentrok jadwal" });
    let row = await testDb.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([row.status, row.statusReason, row.startsAt.toISOString()]).toEqual(["POSTPONED", "Bentrok jadwal", "2027-01-05T06:00:00.000Z"]);
    await cancelEvent(w.adminA, { eventId: event.id, reason: "Dibatalkan Pemda" });
    row = await testDb.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([row.status, row.checkInOpen]).toEqual(["CANCELLED", false]);
    expect(await outcome(setCheckInOpen(w.officerA, { eventId: event.id, open: true }))).toBe("CONFLICT");
    expect(await outcome(markEventHeld(w.officerA, { eventId: event.id }))).toBe("CONFLICT");
    expect(await outcome(addAttendee(w.officerA, attendee(event.id)))).toBe("CONFLICT");
  });

  it("does not mark a session held before it starts", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id });
    expect(await outcome(markEventHeld(w.officerA, { eventId: event.id }))).toBe("VALIDATION");
  });

  it("a held peresmian moves earlier villages to INAUGURATED on its local date, and leaves later ones", async () => {
    const early = await createDesaBinaan(testDb, { officeId: w.officeA.id, stage: "SOCIALISED" });
    const later = await createDesaBinaan(testDb, { officeId: w.officeA.id, stage: "MENTORING" });
    // 07:30 WIB on 1 Dec is 00:30 UTC the same day; 06:30 WIB would be 30 Nov in UTC
    const startsAt = new Date("2025-11-30T23:30:00Z");
    const event = await createEventRow(testDb, { officeId: w.officeA.id, type: "PERESMIAN", startsAt, desaBinaanIds: [early.id, later.id] });
    const result = await markEventHeld(w.officerA, { eventId: event.id });
    expect(result.movedVillages).toEqual([early.id]);
    const moved = await testDb.desaBinaan.findUniqueOrThrow({ where: { id: early.id }, include: { stageHistory: { orderBy: { createdAt: "desc" }, take: 1 } } });
    expect(moved.stage).toBe("INAUGURATED");
    expect(moved.inauguratedOn?.toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(moved.stageHistory[0]).toMatchObject({ fromStage: "SOCIALISED", toStage: "INAUGURATED", eventId: event.id, changedById: w.officerA.id });
    expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { id: later.id } })).stage).toBe("MENTORING");
    expect(await testDb.auditLog.count({ where: { entityId: early.id, action: "village.stage" } })).toBe(1);
    // marking it held again changes nothing
    expect((await markEventHeld(w.officerA, { eventId: event.id })).movedVillages).toEqual([]);
    expect(await testDb.desaBinaanStageChange.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("a held sosialisasi does not change the lifecycle; the report needs a held session", async () => {
    const v = await createDesaBinaan(testDb, { officeId: w.officeA.id });
    const event = await pastEvent(w.officeA.id, { desaBinaanIds: [v.id] });
    const report = { eventId: event.id, reportNotes: "Berjalan lancar", followUps: "Grup WA dibagikan", whatsappGroupShared: true };
    expect(await outcome(saveEventReport(w.officerA, report))).toBe("CONFLICT");
    await markEventHeld(w.officerA, { eventId: event.id });
    await saveEventReport(w.officerA, report);
    const row = await testDb.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([row.status, row.whatsappGroupShared, row.reportNotes]).toEqual(["HELD", true, "Berjalan lancar"]);
    expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { id: v.id } })).stage).toBe("PROPOSED");
  });
});

describe("attendance", () => {
  it("adds named attendees and counts into one total; a phone needs consent; the same person once", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id, desaBinaanIds: [w.villageA.id] });
    expect(attendeeSchema.safeParse({ eventId: event.id, name: "Ani", category: "WARGA", phone: "0812-3456-7890" }).error?.issues[0]?.message).toBe(
      "validation.phoneConsent",
    );
    expect(attendeeSchema.safeParse({ eventId: event.id, name: "Ani", category: "WARGA", phone: "12ab", consent: true }).error?.issues[0]?.message).toBe(
      "validation.phone",
    );
    await addAttendee(w.officerA, attendee(event.id, { name: "Ani Lestari", gender: "P", phone: "0812-3456-7890", consent: true }));
    expect(await outcome(addAttendee(w.officerA, attendee(event.id, { name: "ani  lestari", phone: "+62 812 3456 7890", consent: true })))).toBe("CONFLICT");
    await addAttendee(w.officerA, attendee(event.id, { gender: "L" }));
    await setAttendanceCounts(w.officerA, {
      eventId: event.id,
      rows: [
        { category: "KEPALA_DESA", male: 0, female: 0, unknown: 15 },
        { category: "LURAH", male: 3, female: 1, unknown: 0 },
        { category: "WARGA", male: 0, female: 0, unknown: 0 },
      ],
    });
    const detail = await getEvent(w.officerA, event.id);
    // counts of unknown gender stay in the split (they vanished from L/P before)
    expect(detail.attendance).toEqual({ named: 2, counted: 19, total: 21, male: 4, female: 2, unknown: 15 });
    // exports carry the counts-only people and the total, and phones in international form
    const exported = await getAttendanceExport(w.officerA, event.id);
    const csv = attendeesCsv(exported, (key: string) => key);
    expect(csv).toContain("+6281234567890");
    expect(csv).not.toMatch(/[^+]6281234567890/);
    const lines = csv.split("\r\n");
    expect(lines.find((l) => l.includes("attendeeCategory.KEPALA_DESA"))).toMatch(/,15$/);
    expect(lines.find((l) => l.includes("attendeeCategory.LURAH") && l.includes(",L,"))).toMatch(/,3$/);
    expect(lines.filter(Boolean).at(-1)).toMatch(/^events\.export\.total,.*,21$/);
    expect((await getEvent(w.villageUserA, event.id)).attendance.total).toBe(21);
    expect(await testDb.attendanceCount.count({ where: { eventId: event.id } })).toBe(2);
    const stored = await testDb.attendee.findFirstOrThrow({ where: { eventId: event.id, phone: { not: null } } });
    expect([stored.phone, stored.consentAt !== null]).toEqual(["6281234567890", true]);
    await removeAttendee(w.officerA, { eventId: event.id, attendeeId: stored.id });
    expect((await getEvent(w.officerA, event.id)).attendance.total).toBe(20);
  });
});

describe("the sessions list", () => {
  it("searches titles and venues and filters by village, type, status and period", async () => {
    const tag = uniqueSuffix();
    const village = await createDesaBinaan(testDb, { officeId: w.officeA.id });
    const a = await createEventRow(testDb, { officeId: w.officeA.id, title: `Sosialisasi ${tag}`, type: "SOSIALISASI", status: "HELD", startsAt: new Date("2024-03-05T02:00:00Z"), desaBinaanIds: [village.id] });
    const b = await createEventRow(testDb, { officeId: w.officeA.id, title: `Rapat ${tag}`, type: "RAPAT_KOORDINASI", status: "SCHEDULED", startsAt: new Date("2024-07-01T02:00:00Z") });
    const ids = async (filter: Parameters<typeof findEvents>[1]) => (await findEvents(w.adminA, filter)).rows.map((r) => r.id).sort();
    expect(await ids({ q: tag })).toEqual([a.id, b.id].sort());
    expect(await ids({ q: tag, type: "RAPAT_KOORDINASI" })).toEqual([b.id]);
    expect(await ids({ q: tag, status: "HELD" })).toEqual([a.id]);
    expect(await ids({ desaBinaanId: village.id })).toEqual([a.id]);
    expect(await ids({ q: tag, from: "2024-06-01", to: "2024-12-31" })).toEqual([b.id]);
    // another office's sessions never match
    expect(await findEvents(w.adminB, { q: tag }).then((r) => r.total)).toBe(0);
    // a session's province is its office's
    const national = async (filter: Parameters<typeof findEvents>[1]) => (await findEvents(w.national, filter)).rows.map((r) => r.id).sort();
    expect(await national({ q: tag, province: "33" })).toEqual([a.id, b.id].sort());
    expect(await national({ q: tag, province: "62" })).toEqual([]);
  });

  it("filter choices: provinces above one office, villages narrowed by province, never another office's", async () => {
    const own = await findEventFilterOptions(w.adminA);
    expect(own.provinces).toEqual([]);
    expect(own.villagesNeedProvince).toBe(false);
    expect(own.villages.map((v) => v.value)).toContain(w.villageA.id);
    expect(own.villages.map((v) => v.value)).not.toContain(w.villageB.id);

    // more villages than a select should offer whole (lib/choices.ts), so the national list narrows
    for (let i = 0; i <= LONG_CHOICE_LIST; i++) await createDesaBinaan(testDb, { officeId: w.officeB.id });
    expect((await findEventFilterOptions(w.national)).villagesNeedProvince).toBe(true);
    const all = await findEventFilterOptions(w.national, { province: "33" });
    expect(all.provinces.map((p) => p.value)).toEqual(expect.arrayContaining(["33", "62"]));
    expect(all.villages.map((v) => v.value)).toContain(w.villageA.id);
    expect(all.villages.map((v) => v.value)).not.toContain(w.villageB.id);
    // the village already chosen stays offered whatever the province
    const chosen = await findEventFilterOptions(w.national, { desaBinaanId: w.villageB.id });
    expect(chosen.villages.map((v) => v.value)).toContain(w.villageB.id);
    // a Kanwil reads one province: no province filter, and its villages only
    const region = await findEventFilterOptions(w.regionalA);
    expect(region.provinces).toEqual([]);
    expect(region.villages.map((v) => v.value)).not.toContain(w.villageB.id);
  });
});

describe("public check-in", () => {
  const person = (over: Record<string, unknown> = {}) =>
    checkInSchema.parse({ name: "Siti Aminah", category: "CPMI", origin: "Desa Cemeng", phone: "081298765432", consent: "on", ...over });

  it("counts a person once however often they check in, only while open", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const created = await checkIn(event.checkInCode, person());
    expect(created).toMatchObject({ status: "created", hasQuiz: false });
    // the new row's id comes back with the insert (for the quiz link); a repeat has none
    expect(created.attendeeId).toBe((await testDb.attendee.findFirstOrThrow({ where: { eventId: event.id } })).id);
    expect(await checkIn(event.checkInCode.toLowerCase(), person({ name: "SITI  aminah" }))).toEqual({ status: "already", attendeeId: null, hasQuiz: false });
    const results = await Promise.all(Array.from({ length: 20 }, () => checkIn(event.checkInCode, person({ phone: "081311112222" }))));
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(await testDb.attendee.count({ where: { eventId: event.id, source: "CHECK_IN" } })).toBe(2);
  });

  it("accepts nothing for a closed, cancelled or unknown session, and requires consent", async () => {
    const closed = await createEventRow(testDb, { officeId: w.officeA.id, checkInOpen: false });
    const cancelled = await createEventRow(testDb, { officeId: w.officeA.id, checkInOpen: true, status: "CANCELLED" });
    for (const code of [closed.checkInCode, cancelled.checkInCode, "ZZZZZZZZ"]) {
      expect(await outcome(checkIn(code, person()))).toBe("NOT_FOUND");
    }
    expect(await testDb.attendee.count({ where: { eventId: { in: [closed.id, cancelled.id] } } })).toBe(0);
    expect(checkInSchema.safeParse({ name: "A", category: "WARGA" }).error?.issues[0]?.message).toBe("validation.checkInConsent");
  });
});

describe("import", () => {
  it("previews per-row errors and commits nothing while any row is bad", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id });
    const csv = "nama,kategori,jenis_kelamin,telepon,persetujuan\nAni,warga,P,,\n,warga,L,,\nBudi,astronot,L,,\nCici,CPMI,P,0812abc,ya\nDedi,CPMI,L,081234567891,\n";
    const preview = await previewAttendeeImport(w.officerA, event.id, file(csv));
    expect(preview.ok && preview.issues.map((i) => [i.row, i.key])).toEqual([
      [3, "validation.required"],
      [4, "attendeeImport.badCategory"],
      [5, "validation.phone"],
      [6, "validation.phoneConsent"],
    ]);
    expect(await outcome(commitAttendeeImport(w.officerA, event.id, file(csv)))).toBe("VALIDATION");
    expect(await testDb.attendee.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("commits a clean file in one go, skipping people already listed", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id });
    await addAttendee(w.officerA, attendee(event.id, { name: "Ani", institutionName: "Desa X" }));
    const csv = "\uFEFFNama;Kategori;Desa/Instansi\nAni;Warga;Desa X\nBudi;Kepala Desa;Desa Y\nBudi;Kepala Desa;Desa Y\n";
    expect(await commitAttendeeImport(w.officerA, event.id, file(csv))).toEqual({ inserted: 1, skipped: 2 });
    expect(await testDb.attendee.count({ where: { eventId: event.id } })).toBe(2);
    const budi = await testDb.attendee.findFirstOrThrow({ where: { eventId: event.id, name: "Budi" } });
    expect([budi.category, budi.source, budi.institutionName, budi.consentAt]).toEqual(["KEPALA_DESA", "IMPORT", "Desa Y", null]);
    const withPhone = "nama,telepon,persetujuan,jenis_kelamin\nCici,0812-1111-2222,ya,P\n";
    await commitAttendeeImport(w.officerA, event.id, file(withPhone));
    const cici = await testDb.attendee.findFirstOrThrow({ where: { eventId: event.id, name: "Cici" } });
    expect([cici.phone, cici.gender, cici.consentAt !== null]).toEqual(["6281211112222", "P", true]);
  });

  it("rejects wrong columns, Latin-1 and 50,000 rows with a file-level message", async () => {
    const event = await createEventRow(testDb, { officeId: w.officeA.id });
    const fileError = async (f: ReturnType<typeof file>) => {
      const r = await previewAttendeeImport(w.officerA, event.id, f);
      return r.ok ? null : r.fileError.key;
    };
    expect(await fileError(file("full_name,email\nAni,a@b.c\n"))).toBe("attendeeImport.badColumns");
    expect(await fileError(file(Uint8Array.from([...new TextEncoder().encode("nama\nJos"), 0xe9, 0x0a])))).toBe("attendeeImport.notUtf8");
    expect(await fileError(file("nama\n" + "Ani\n".repeat(50_000)))).toBe("attendeeImport.tooManyRows");
    expect(await fileError(file("nama\nAni\n", "peserta.pdf"))).toBe("attendeeImport.fileType");
    expect(await outcome(commitAttendeeImport(w.officerA, event.id, file("nama\n" + "Ani\n".repeat(50_000))))).toBe("VALIDATION");
    expect(await testDb.attendee.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("photos", () => {
  it("stores a resized JPEG, and refuses a non-image or a too-large file", async () => {
    const { default: sharp } = await import("sharp");
    const event = await pastEvent(w.officeA.id);
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#3366aa" } }).png().toBuffer();
    const photo = await uploadEventPhoto(w.officerA, event.id, { data: big, name: "kegiatan.png" }, "Pembukaan");
    const stored = await testDb.eventPhoto.findUniqueOrThrow({ where: { id: photo.id }, include: { file: true } });
    expect([stored.file.mimeType, stored.file.width, stored.file.height]).toEqual(["image/jpeg", 1600, 1067]);
    expect(await outcome(uploadEventPhoto(w.officerA, event.id, { data: new TextEncoder().encode("<svg/>"), name: "x.jpg" }, null))).toBe("VALIDATION");
    expect(await outcome(uploadEventPhoto(w.officerA, event.id, { data: new Uint8Array(11 * 1024 * 1024), name: "x.jpg" }, null))).toBe("VALIDATION");
    expect(await outcome(uploadEventPhoto(w.officerB, event.id, { data: big, name: "x.png" }, null))).toBe("NOT_FOUND");
    expect(await testDb.eventPhoto.count({ where: { eventId: event.id } })).toBe(1);
  });
});
