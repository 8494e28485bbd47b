import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { DEMO_ACCOUNTS, DEMO_MATERIAL_SLUGS, DEMO_OFFICE_SLUGS, DEMO_PASSWORD, seedDemo } from "./demo";
import { KANWILS } from "./data/organisation";
import { seedRegions } from "./regions";

const db = createPrismaClient(localTestDatabaseUrl(), { max: 2 });
afterAll(() => db.$disconnect());

// Only demo rows are counted: other test files write to the same database at the same time.
async function demoCounts(db: Db) {
  const office = { slug: { in: [...DEMO_OFFICE_SLUGS] } };
  return {
    kanwils: await db.kanwil.count({ where: { provinceCode: { in: KANWILS.map((k) => k.provinceCode) } } }),
    offices: await db.office.count({ where: office }),
    workAreas: await db.officeRegency.count({ where: { office } }),
    users: await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } }),
    desaBinaan: await db.desaBinaan.count({ where: { office } }),
    stageChanges: await db.desaBinaanStageChange.count({ where: { desaBinaan: { office } } }),
    contacts: await db.contact.count({ where: { desaBinaan: { office } } }),
    events: await db.event.count({ where: { office } }),
    speakers: await db.eventSpeaker.count({ where: { event: { office } } }),
    attendees: await db.attendee.count({ where: { event: { office } } }),
    institutions: await db.institution.count({ where: { OR: [{ office }, { officeId: null, partnerOf: { some: {} } }] } }),
    materials: await db.material.count({ where: { slug: { in: [...DEMO_MATERIAL_SLUGS] } } }),
  };
}

beforeAll(async () => {
  await seedRegions(db);
  await seedDemo(db);
}, 120_000);

describe("seedDemo", () => {
  it("adds nothing when run a second time", { timeout: 60_000 }, async () => {
    const first = await demoCounts(db);
    await seedDemo(db);
    expect(await demoCounts(db)).toEqual(first);
    expect(first).toMatchObject({ kanwils: KANWILS.length, offices: 5, users: DEMO_ACCOUNTS.length, desaBinaan: 20, materials: 16 });
    expect(first.events).toBeGreaterThanOrEqual(9);
  });

  it("signs every demo account in with the demo password", { timeout: 60_000 }, async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.email).toBe(account.email.toLowerCase());
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
  });

  it("scopes the accounts to their office, region or village", async () => {
    const user = (email: string) =>
      db.user.findUniqueOrThrow({ where: { email }, include: { office: true, kanwil: true, desaBinaan: true } });
    const surakarta = await user("admin.surakarta@demo.imigrasi.go.id");
    const palembang = await user("admin.palembang@demo.imigrasi.go.id");
    const sampit = await user("admin.sampit@demo.imigrasi.go.id");
    expect(surakarta.office?.slug).toBe("kanim-surakarta");
    expect(new Set([surakarta.officeId, palembang.officeId, sampit.officeId]).size).toBe(3);
    expect((await user("kanwil.jateng@demo.imigrasi.go.id")).kanwil?.provinceCode).toBe("33");
    const village = await user("desa.cemeng@demo.imigrasi.go.id");
    expect(village.desaBinaan?.villageCode).toBe("33.14.07.2003");
    const officer = await user("petugas.surakarta@demo.imigrasi.go.id");
    const assignment = await db.desaBinaanOfficer.findFirst({ where: { userId: officer.id } });
    expect(assignment?.desaBinaanId).toBe(village.desaBinaanId);
  });

  it("tells Cemeng's story: proposed, socialised on 12 September 2023, declared", async () => {
    const cemeng = await db.desaBinaan.findUniqueOrThrow({
      where: { villageCode: "33.14.07.2003" },
      include: { office: true, stageHistory: { orderBy: { effectiveOn: "asc" } } },
    });
    expect(cemeng.office.slug).toBe("kanim-surakarta");
    expect(cemeng.stage).toBe("DECLARED");
    expect(cemeng.stageHistory.map((s) => s.toStage)).toEqual(["PROPOSED", "SOCIALISED", "DECLARED"]);
    const eventId = cemeng.stageHistory[1]?.eventId;
    if (!eventId) throw new Error("the socialisation is not linked to its session");
    const session = await db.event.findUniqueOrThrow({
      where: { id: eventId },
      include: { speakers: { orderBy: { sortOrder: "asc" } } },
    });
    expect(session.status).toBe("HELD");
    expect(session.timeZone).toBe("Asia/Jakarta");
    expect(session.startsAt.toISOString()).toBe("2023-09-12T02:00:00.000Z"); // 09:00 WIB
    expect(session.speakers.map((s) => s.name)).toEqual(["Agus Winarno", "Danang Adil Luhur", "Jumiyo"]);
  });

  it("socialises the 15 desa of Tanjung Raja in one session, one of them a Desa Migran Emas", async () => {
    const desas = await db.desaBinaan.findMany({ where: { village: { districtCode: "16.10.03" } } });
    expect(desas).toHaveLength(15);
    expect(desas.every((d) => d.stage === "SOCIALISED")).toBe(true);
    expect(desas.filter((d) => d.isDesaMigranEmas)).toHaveLength(1);
    const session = await db.event.findFirstOrThrow({
      where: { title: "Sosialisasi Pembentukan Desa Binaan Imigrasi", office: { slug: "kanim-palembang" } },
      include: { villages: true, counts: true },
    });
    expect(session.villages).toHaveLength(15);
    expect(session.whatsappGroupShared).toBe(true);
    const counts = Object.fromEntries(session.counts.map((c) => [c.category, c.male + c.female + c.unknown]));
    expect(counts).toMatchObject({ KEPALA_DESA: 15, LURAH: 4 });
  });

  it("schedules upcoming sessions, one of them in WITA", async () => {
    const upcoming = await db.event.findMany({
      where: { status: "SCHEDULED", office: { slug: { in: [...DEMO_OFFICE_SLUGS] } } },
    });
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    expect(upcoming.some((e) => e.timeZone === "Asia/Makassar")).toBe(true);
    expect(new Set(upcoming.map((e) => e.checkInCode)).size).toBe(upcoming.length);
  });

  it("uses only fake 0812-0000-xxxx phone numbers, always with consent", async () => {
    const contacts = await db.contact.findMany({ where: { desaBinaan: { office: { slug: { in: [...DEMO_OFFICE_SLUGS] } } } } });
    for (const c of contacts.filter((c) => c.phone)) {
      expect(c.phone).toMatch(/^628120000\d{4}$/);
      expect(c.consentAt).not.toBeNull();
    }
    const camat = contacts.find((c) => c.role === "CAMAT");
    expect(camat).toMatchObject({ name: "Dian Septa", phone: null });
  });

  it("publishes material in Indonesian with an English translation, and keeps a draft", async () => {
    const materials = await db.material.findMany({ where: { slug: { in: [...DEMO_MATERIAL_SLUGS] } } });
    const published = materials.filter((m) => m.status === "PUBLISHED");
    expect(published.every((m) => m.officeId === null && m.publishedAt)).toBe(true);
    expect(new Set(published.map((m) => m.category))).toEqual(new Set(["TPPO", "MIGRASI_AMAN", "PASPOR", "BEKERJA_PROSEDURAL"]));
    const english = published.find((m) => m.language === "EN");
    expect(published.some((m) => m.language === "ID" && m.translationGroupId === english?.translationGroupId)).toBe(true);
    expect(materials.filter((m) => m.status === "DRAFT")).toHaveLength(1);
  });

  it("places one published text on each of the five stages of the journey, in Indonesian and in English, translations of each other", async () => {
    const materials = await db.material.findMany({ where: { slug: { in: [...DEMO_MATERIAL_SLUGS] }, journeyStage: { not: null } } });
    const stages = ["ABROAD", "CONSIDERING", "DEPARTING", "PREPARING", "RETURNING"];
    for (const language of ["ID", "EN"] as const) {
      expect(materials.filter((m) => m.language === language).map((m) => m.journeyStage).sort()).toEqual(stages);
    }
    expect(materials.every((m) => m.status === "PUBLISHED")).toBe(true);
    for (const stage of stages) {
      const pair = materials.filter((m) => m.journeyStage === stage);
      expect(pair[0]!.translationGroupId).not.toBeNull();
      expect(pair[0]!.translationGroupId).toBe(pair[1]!.translationGroupId);
    }
  });
});
