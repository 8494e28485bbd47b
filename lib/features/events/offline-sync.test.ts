import { beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { checkIn } from "@/lib/features/events/attendance";
import { syncOfflineRecords } from "@/lib/features/events/offline-sync";
import { checkInSchema, OFFLINE_BATCH_SIZE, offlineBatchSchema } from "@/lib/features/events/schemas";
import { createDesaBinaan, createEvent, uniqueSuffix } from "@/lib/factories";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";
import type { SessionUser } from "@/lib/server/scope";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const takenAt = () => new Date(Date.now() - 60_000).toISOString();
const person = (over: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => ({
  kind: "attendee",
  clientId: crypto.randomUUID(),
  takenAt: takenAt(),
  data: { name: `Peserta ${uniqueSuffix()}`, category: "WARGA", ...data },
  ...over,
});
const counts = (data: Record<string, unknown> = {}) => ({
  kind: "counts",
  clientId: crypto.randomUUID(),
  takenAt: takenAt(),
  data: { category: "KEPALA_DESA", male: 3, female: 1, unknown: 0, ...data },
});
const attendeeRows = (eventId: string) => testDb.attendee.count({ where: { eventId } });

describe("offline attendance sync", () => {
  it("stores each record once, however often and in whatever order the batch is sent", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, desaBinaanIds: [w.villageA.id] });
    const records = [...Array.from({ length: 5 }, () => person()), counts(), person({}, { desaBinaanId: w.villageA.id })];
    const first = await syncOfflineRecords(w.officerA, event.id, records);
    expect(first.map((r) => r.status)).toEqual(Array(7).fill("stored"));
    expect(await attendeeRows(event.id)).toBe(6);
    // again, reversed, and by another officer of the office at the same time
    const again = await Promise.all([
      syncOfflineRecords(w.officerA, event.id, [...records].reverse()),
      syncOfflineRecords(w.adminA, event.id, records),
    ]);
    for (const results of again) expect(results.every((r) => r.status === "duplicate")).toBe(true);
    expect(await attendeeRows(event.id)).toBe(6);
    const row = await testDb.attendanceCount.findUniqueOrThrow({ where: { eventId_category: { eventId: event.id, category: "KEPALA_DESA" } } });
    expect([row.male, row.female, row.unknown]).toEqual([3, 1, 0]);
    const stored = await testDb.attendee.findFirstOrThrow({ where: { clientId: records[0]!.clientId } });
    expect(stored.takenAt?.toISOString()).toBe(records[0]!.takenAt);
  });

  it("two officers offline at the same session: both queues go in, the same person once", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id });
    const shared = `Ibu Sama ${uniqueSuffix()}`;
    const a = [person(), person({}, { name: shared, institutionName: "PKK" })];
    const b = [person(), person({}, { name: shared, institutionName: "PKK" }), counts(), counts()];
    const [ra, rb] = await Promise.all([syncOfflineRecords(w.officerA, event.id, a), syncOfflineRecords(w.adminA, event.id, b)]);
    expect([...ra, ...rb].filter((r) => r.status === "stored")).toHaveLength(5);
    expect(await attendeeRows(event.id)).toBe(3);
    const row = await testDb.attendanceCount.findUniqueOrThrow({ where: { eventId_category: { eventId: event.id, category: "KEPALA_DESA" } } });
    expect(row.male).toBe(6);
  });

  it("refuses a bad record with its reason and keeps the rest", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id });
    const good = person();
    const results = await syncOfflineRecords(w.officerA, event.id, [
      good,
      person({}, { name: "" }),
      person({}, { phone: "0812345678901", consent: false }),
      person({ takenAt: new Date(Date.now() + 3_600_000).toISOString() }),
      person({}, { desaBinaanId: w.villageB.id }),
      counts({ male: 0, female: 0, unknown: 0 }),
      { kind: "photo", clientId: crypto.randomUUID() } as { clientId: string },
    ]);
    expect(results.map((r) => r.reason ?? r.status)).toEqual([
      "stored",
      "validation.required",
      "validation.phoneConsent",
      "validation.dateRange",
      "validation.villageRequired",
      "validation.countsEmpty",
      "validation.invalid",
    ]);
    expect(await attendeeRows(event.id)).toBe(1);
  });

  it("refuses every record of a cancelled session, and writes nothing", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, status: "CANCELLED" });
    const results = await syncOfflineRecords(w.officerA, event.id, [person(), counts()]);
    expect(results.map((r) => r.reason)).toEqual(["events.errors.eventCancelled", "events.errors.eventCancelled"]);
    expect(await attendeeRows(event.id)).toBe(0);
    expect(await testDb.attendanceCountEntry.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("authorization matrix, from the permission map: a batch for a session the actor may not record is refused whole", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, desaBinaanIds: [w.villageA.id] });
    const actors: Record<string, SessionUser> = {
      national: w.national,
      regionalA: w.regionalA,
      adminA: w.adminA,
      officerA: w.officerA,
      villageUserA: w.villageUserA,
      adminB: w.adminB,
      officerB: w.officerB,
    };
    for (const [label, actor] of Object.entries(actors)) {
      const records = [person(), counts()];
      const sameOffice = actor.officeId === w.officeA.id && actor.role !== "VILLAGE";
      // what the map grants decides: no create:attendance at all is FORBIDDEN; another office's session reads as NOT_FOUND
      const expected = !can(actor.role as Role, "create:attendance") ? "FORBIDDEN" : sameOffice ? "OK" : "NOT_FOUND";
      expect([label, await outcome(syncOfflineRecords(actor, event.id, records))]).toEqual([label, expected]);
    }
    // a replayed batch of office A's records sent to office B's account changes nothing
    expect(await attendeeRows(event.id)).toBe(2);
  });

  it("takes at most one batch's worth of records per request", () => {
    const many = Array.from({ length: OFFLINE_BATCH_SIZE + 1 }, () => person());
    expect(offlineBatchSchema.safeParse({ records: many }).success).toBe(false);
    expect(offlineBatchSchema.safeParse({ records: many.slice(1) }).success).toBe(true);
    expect(offlineBatchSchema.safeParse({ records: [{ clientId: "not-an-id" }] }).success).toBe(false);
  });
});

describe("self check-in with the form's client id", () => {
  const form = (over: Record<string, unknown> = {}) =>
    checkInSchema.parse({ name: "Siti Aminah", category: "CPMI", origin: "Desa Cemeng", consent: "on", ...over });

  it("a retried form counts once even when the name was retyped", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const clientId = crypto.randomUUID();
    const replies = await Promise.all([
      checkIn(event.checkInCode, form({ clientId })),
      checkIn(event.checkInCode, form({ clientId, name: "Siti Aminah S." })),
      checkIn(event.checkInCode, form({ clientId, name: "siti aminah" })),
    ]);
    expect(replies.filter((r) => r.status === "created")).toHaveLength(1);
    expect(await attendeeRows(event.id)).toBe(1);
    // another form (another id) with another name is another person
    expect(await checkIn(event.checkInCode, form({ clientId: crypto.randomUUID(), name: "Budi" }))).toMatchObject({ status: "created" });
    expect(await attendeeRows(event.id)).toBe(2);
  });

  it("links the person to the session's village by name, as before, whatever letters the name has", async () => {
    // A name with an "s": the match once read '\s+' as 's+' (a tagged template's
    // cooked text) and missed every such village; the world's random village hid it 4 runs in 5.
    const [named] = await testDb.$queryRaw<{ code: string; name: string }[]>`
      SELECT v.code, v.name FROM village v
      WHERE v.regency_code = '33.14' AND v.name ~ 's'
        AND NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
      ORDER BY v.code LIMIT 1`;
    const desa = await createDesaBinaan(testDb, { officeId: w.officeA.id, villageCode: named!.code });
    const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true, desaBinaanIds: [w.villageA.id, desa.id] });
    for (const [origin, expected] of [
      [`  ${named!.name.toLowerCase()} `, desa.id],
      [`\t${named!.name.toUpperCase()}\u00a0`, desa.id],
      [`${named!.name} Lama`, null],
    ] as const) {
      await checkIn(event.checkInCode, form({ name: `Siti ${uniqueSuffix()}`, origin }));
      const row = await testDb.attendee.findFirstOrThrow({ where: { eventId: event.id }, orderBy: { createdAt: "desc" } });
      expect([origin, row.desaBinaanId]).toEqual([origin, expected]);
    }
  });
});
