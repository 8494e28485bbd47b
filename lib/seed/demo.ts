import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WIB } from "@/lib/dates";
import type { Db } from "@/lib/db/create-client";
import type { DesaBinaan, Event, Office, User } from "@/lib/generated/prisma/client";
import {
  AttendeeCategory,
  AttendeeSource,
  ContactRole,
  EventStatus,
  EventType,
  Gender,
  InstitutionKind,
  JourneyStage,
  Language,
  MaterialCategory,
  MaterialStatus,
  OfficeClass,
  Role,
  VillageStage,
} from "@/lib/generated/prisma/enums";
import {
  createContact,
  createDesaBinaan,
  createEvent,
  createMaterial,
  createOffice,
  createUser,
  day,
  findOrCreateInstitution,
  localInstant,
  recordStageChange,
  DEMO_DISTRICTS,
  DEMO_VILLAGES,
  type CreateContactOptions,
  type CreateEventOptions,
  type FactoryDb,
} from "@/lib/factories";
import { seedOrganisation } from "./organisation";
import { provinceTimeZone } from "./regions";
import { newTicketCode } from "@/lib/features/warnings/codes";
import { monthOf, slaTimes } from "@/lib/features/warnings/sla";
import type { WarningCategory, WarningSource, WarningStatus, WarningUrgency } from "@/lib/generated/prisma/enums";

/*
 * Demo data, taken from five news reports of the program: Kanim Surakarta and
 * Desa Cemeng (Solopos, 12/9/2023), Kanim Sampit and Desa Tanjung Harapan (Radar Sampit,
 * 27/2/2024), Kanim Jakarta Utara (Deteksijaya, 28/5/2024), Kanim Palembang in Kecamatan
 * Tanjung Raja (Indodaily, undated) and with BP3MI Sumsel (KP2MI, 29/1/2026).
 * Officials named in those reports appear under their reported names and positions. Everyone
 * else (liaisons, attendees, portal users) is fictional, and every phone number follows the
 * visibly fake 0812-0000-xxxx pattern. Dates the reports do not give are marked "demo" below.
 *
 * Idempotent: every part is keyed by something unique (office slug, e-mail, village code,
 * material slug, or an event's office + title + start) and skipped when it already exists.
 */

export const DEMO_PASSWORD = "demo12345";

export type DemoAccount = { email: string; role: Role; label: string };

type AccountSpec = DemoAccount & {
  name: string;
  position: string;
  office?: OfficeKey;
  kanwilProvince?: string;
  villageCode?: string;
};

const CEMENG = DEMO_VILLAGES.cemeng;
const TANJUNG_HARAPAN = DEMO_VILLAGES.tanjungHarapan;
const TANJUNG_RAJA_DISTRICT = DEMO_DISTRICTS.tanjungRaja;
const TANJUNG_RAJA_MIGRAN_EMAS = DEMO_VILLAGES.tanjungRajaMigranEmas;
const OKI_VILLAGE = DEMO_VILLAGES.okiVillage;
const JAKUT_KELURAHAN = DEMO_VILLAGES.jakartaUtaraKelurahan;
const MATARAM_VILLAGE = DEMO_VILLAGES.mataramVillage;

const ACCOUNT_SPECS: readonly AccountSpec[] = [
  {
    email: "ditjen@demo.imigrasi.go.id",
    role: Role.NATIONAL_ADMIN,
    label: "Ditjen Imigrasi (admin nasional)",
    name: "Rina Kusumawati",
    position: "Analis Keimigrasian, Direktorat Intelijen Keimigrasian",
  },
  {
    email: "kanwil.jateng@demo.imigrasi.go.id",
    role: Role.REGIONAL_OVERSEER,
    label: "Kanwil Ditjen Imigrasi Jawa Tengah",
    name: "Bambang Sulistyo",
    position: "Kepala Bidang Intelijen dan Penindakan Keimigrasian",
    kanwilProvince: "33",
  },
  {
    email: "admin.surakarta@demo.imigrasi.go.id",
    role: Role.OFFICE_ADMIN,
    label: "Admin Kanim Surakarta",
    name: "Yulia Rahmawati",
    position: "Kepala Subseksi Informasi Keimigrasian",
    office: "surakarta",
  },
  {
    email: "petugas.surakarta@demo.imigrasi.go.id",
    role: Role.OFFICE_OFFICER,
    label: "Petugas (PIMPASA) Kanim Surakarta, pembina Desa Cemeng",
    name: "Fajar Nugroho",
    position: "Petugas Imigrasi Pembina Desa (PIMPASA)",
    office: "surakarta",
  },
  {
    email: "desa.cemeng@demo.imigrasi.go.id",
    role: Role.VILLAGE,
    label: "Narahubung Desa Cemeng",
    name: "Sri Wahyuni",
    position: "Sekretaris Desa Cemeng",
    // Village accounts carry their owning office too, as the portal's account form does.
    office: "surakarta",
    villageCode: CEMENG,
  },
  {
    email: "admin.palembang@demo.imigrasi.go.id",
    role: Role.OFFICE_ADMIN,
    label: "Admin Kanim Palembang",
    name: "Dimas Saputra",
    position: "Kepala Subseksi Informasi Keimigrasian",
    office: "palembang",
  },
  {
    email: "admin.sampit@demo.imigrasi.go.id",
    role: Role.OFFICE_ADMIN,
    label: "Admin Kanim Sampit",
    name: "Hendra Wijaya",
    position: "Kepala Seksi Intelijen dan Penindakan Keimigrasian",
    office: "sampit",
  },
];

/** The demo sign-ins, for the start script to print. All use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = ACCOUNT_SPECS.map(({ email, role, label }) => ({
  email,
  role,
  label,
}));

// ───────────────────────────── Offices ─────────────────────────────

type OfficeKey = "palembang" | "surakarta" | "jakartaUtara" | "sampit" | "mataram";

type OfficeSpec = {
  slug: string;
  name: string;
  officeClass: OfficeClass;
  provinceCode: string;
  headName: string | null;
  workArea: string[];
  /**
   * The usual public service hours of an immigration office, not checked per office (demo data);
   * addresses and phones are left empty for want of a source (lib/seed/data/organisation.ts).
   */
  serviceHours: string;
};

const OFFICE_SPECS: Record<OfficeKey, OfficeSpec> = {
  palembang: {
    slug: "kanim-palembang",
    name: "Kantor Imigrasi Kelas I TPI Palembang",
    officeClass: OfficeClass.KELAS_I_TPI,
    provinceCode: "16",
    headName: "Khairil Mirza", // head as of January 2026 (KP2MI report)
    // Kota Palembang, Ogan Ilir, Ogan Komering Ilir, Banyuasin, Musi Banyuasin; the south and
    // west of the province belong to the offices in Muara Enim and Baturaja.
    workArea: ["16.71", "16.10", "16.02", "16.07", "16.06"],
    serviceHours: "Senin–Jumat 08.00–16.00 WIB",
  },
  surakarta: {
    slug: "kanim-surakarta",
    name: "Kantor Imigrasi Kelas I TPI Surakarta",
    officeClass: OfficeClass.KELAS_I_TPI,
    provinceCode: "33",
    headName: "Winarko",
    // Solo Raya: Surakarta, Sragen, Karanganyar, Sukoharjo, Wonogiri, Klaten, Boyolali
    workArea: ["33.72", "33.14", "33.13", "33.11", "33.12", "33.10", "33.09"],
    serviceHours: "Senin–Jumat 08.00–16.00 WIB",
  },
  jakartaUtara: {
    slug: "kanim-jakarta-utara",
    name: "Kantor Imigrasi Kelas I TPI Jakarta Utara",
    officeClass: OfficeClass.KELAS_I_TPI,
    provinceCode: "31",
    headName: "Qriz Pratama",
    workArea: ["31.72", "31.01"], // Jakarta Utara, Kepulauan Seribu
    serviceHours: "Senin–Jumat 08.00–16.00 WIB",
  },
  sampit: {
    slug: "kanim-sampit",
    name: "Kantor Imigrasi Kelas II TPI Sampit",
    officeClass: OfficeClass.KELAS_II_TPI,
    provinceCode: "62",
    headName: "Teddy Anugraha",
    workArea: ["62.02", "62.07", "62.06"], // Kotawaringin Timur, Seruyan, Katingan
    serviceHours: "Senin–Jumat 08.00–16.00 WIB",
  },
  mataram: {
    slug: "kanim-mataram",
    name: "Kantor Imigrasi Kelas I TPI Mataram",
    officeClass: OfficeClass.KELAS_I_TPI,
    provinceCode: "52",
    headName: null, // not in the reports
    workArea: ["52.71", "52.01", "52.02", "52.03", "52.08"], // Pulau Lombok
    serviceHours: "Senin–Jumat 08.00–16.00 WITA",
  },
};

/** For tests and scripts that need to tell demo rows from others in a shared database. */
export const DEMO_OFFICE_SLUGS: readonly string[] = Object.values(OFFICE_SPECS).map((o) => o.slug);

type Offices = Record<OfficeKey, Office>;

/** The demo offices' Kanwils are those of the reference data (lib/seed/data/organisation.ts). */
async function seedKanwils(db: Db): Promise<void> {
  await seedOrganisation(db);
}

async function seedOffices(db: Db): Promise<Offices> {
  const entries = await Promise.all(
    (Object.keys(OFFICE_SPECS) as OfficeKey[]).map(
      async (key) => [key, await ensureOffice(db, OFFICE_SPECS[key])] as const,
    ),
  );
  return Object.fromEntries(entries) as Offices;
}

async function ensureOffice(db: Db, spec: OfficeSpec): Promise<Office> {
  const existing = await db.office.findUnique({ where: { slug: spec.slug } });
  if (existing) return existing;
  const kanwil = await db.kanwil.findUniqueOrThrow({ where: { provinceCode: spec.provinceCode } });
  return createOffice(db, { ...spec, kanwilId: kanwil.id });
}

// ───────────────────────────── Partner institutions ─────────────────────────────

type Institutions = Awaited<ReturnType<typeof seedInstitutions>>;

async function seedInstitutions(db: Db, offices: Offices) {
  const ensure = (name: string, kind: InstitutionKind, extra: { officeId?: string; provinceCode?: string } = {}) =>
    findOrCreateInstitution(db, { name, kind, ...extra });
  const { palembang, surakarta, jakartaUtara, sampit } = offices;
  return {
    // BP2MI became the ministry KP2MI in October 2024; one directory entry covers both names.
    kp2mi: await ensure("Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI, dahulu BP2MI)", InstitutionKind.KP2MI),
    kemnaker: await ensure("Kementerian Ketenagakerjaan", InstitutionKind.LAINNYA),
    bp3miSumsel: await ensure("BP3MI Sumatera Selatan", InstitutionKind.BP3MI, { provinceCode: "16" }),
    disnakerSragen: await ensure("Dinas Tenaga Kerja Kabupaten Sragen", InstitutionKind.DISNAKER, {
      officeId: surakarta.id,
      provinceCode: "33",
    }),
    pemkabSragen: await ensure("Pemerintah Kabupaten Sragen", InstitutionKind.PEMDA, {
      officeId: surakarta.id,
      provinceCode: "33",
    }),
    kecSambungmacan: await ensure("Kecamatan Sambungmacan", InstitutionKind.KECAMATAN, {
      officeId: surakarta.id,
      provinceCode: "33",
    }),
    kanwilKumhamJateng: await ensure("Kanwil Kemenkumham Jawa Tengah", InstitutionKind.KEMENKUMHAM, {
      officeId: surakarta.id,
      provinceCode: "33",
    }),
    kanwilKumhamDki: await ensure("Kanwil Kemenkumham DKI Jakarta", InstitutionKind.KEMENKUMHAM, {
      officeId: jakartaUtara.id,
      provinceCode: "31",
    }),
    kecTanjungRaja: await ensure("Kecamatan Tanjung Raja", InstitutionKind.KECAMATAN, {
      officeId: palembang.id,
      provinceCode: "16",
    }),
    pemkabKotim: await ensure("Pemerintah Kabupaten Kotawaringin Timur", InstitutionKind.PEMDA, {
      officeId: sampit.id,
      provinceCode: "62",
    }),
  };
}

// ───────────────────────────── Users ─────────────────────────────

async function seedAccounts(db: Db, offices: Offices, specs: readonly AccountSpec[]): Promise<Map<string, User>> {
  const users = new Map<string, User>();
  for (const spec of specs) users.set(spec.email, await ensureAccount(db, offices, spec));
  return users;
}

async function ensureAccount(db: Db, offices: Offices, spec: AccountSpec): Promise<User> {
  const existing = await db.user.findUnique({ where: { email: spec.email } });
  if (existing) return existing;
  const kanwil = spec.kanwilProvince
    ? await db.kanwil.findUniqueOrThrow({ where: { provinceCode: spec.kanwilProvince } })
    : null;
  const desa = spec.villageCode
    ? await db.desaBinaan.findUniqueOrThrow({ where: { villageCode: spec.villageCode } })
    : null;
  return createUser(db, {
    email: spec.email,
    name: spec.name,
    position: spec.position,
    role: spec.role,
    password: DEMO_PASSWORD,
    officeId: spec.office ? offices[spec.office].id : null,
    kanwilId: kanwil?.id ?? null,
    desaBinaanId: desa?.id ?? null,
  });
}

// ───────────────────────────── Helpers ─────────────────────────────

type EventSpec = Omit<CreateEventOptions, "officeId" | "startsAt" | "endsAt" | "timeZone"> & {
  date: string;
  from: string;
  to: string;
};

/** An event of the office at local wall-clock times, unless one with the same title and start exists. */
async function ensureEvent(db: FactoryDb, office: Office, spec: EventSpec): Promise<Event> {
  const { date, from, to, ...fields } = spec;
  const timeZone = provinceTimeZone(office.provinceCode);
  const startsAt = localInstant(date, from, timeZone);
  const endsAt = localInstant(date, to, timeZone);
  const existing = await db.event.findFirst({ where: { officeId: office.id, title: fields.title, startsAt } });
  if (existing) return existing;
  const held = fields.status === EventStatus.HELD;
  return createEvent(db, { ...fields, officeId: office.id, timeZone, startsAt, endsAt, heldAt: held ? endsAt : null });
}

/** 0812-0000-NNNN as stored (E.164 without "+"): visibly fake, so nobody dials a stranger. */
function demoPhone(n: number): string {
  return `628120000${String(n).padStart(4, "0")}`;
}

/** Runs one village's story atomically, once: skipped when the village is already adopted. */
async function onceForVillage(
  db: Db,
  villageCode: string,
  story: (tx: FactoryDb) => Promise<void>,
): Promise<void> {
  if (await db.desaBinaan.findUnique({ where: { villageCode } })) return;
  // Generous: a busy two-core CI machine seeds the e2e database while vitest runs.
  await db.$transaction(story, { timeout: 120_000, maxWait: 30_000 });
}

const DEMO_NOTE = "Data demo (fiktif).";

/** A fictional liaison whose consent to be contacted was recorded the day they were appointed. */
function addContact(tx: FactoryDb, contact: CreateContactOptions & { activeFrom: Date }) {
  return createContact(tx, { consentAt: contact.phone ? contact.activeFrom : null, notes: DEMO_NOTE, ...contact });
}

// ───────────────────────────── Village stories ─────────────────────────────

type Ctx = { offices: Offices; inst: Institutions; users: Map<string, User> };

function adminOf(ctx: Ctx, office: OfficeKey): string | null {
  const spec = ACCOUNT_SPECS.find((a) => a.office === office && a.role === Role.OFFICE_ADMIN);
  return (spec && ctx.users.get(spec.email)?.id) ?? null;
}

async function seedCemeng(db: Db, ctx: Ctx): Promise<void> {
  const office = ctx.offices.surakarta;
  const createdById = adminOf(ctx, "surakarta");
  await onceForVillage(db, CEMENG, async (tx) => {
    const desa = await createDesaBinaan(tx, {
      villageCode: CEMENG,
      officeId: office.id,
      selectionReason: "jumlah pekerja migran terbanyak di Kabupaten Sragen",
      createdById,
      // The report says the village was agreed with the Bupati before the session; the day is demo.
      history: { effectiveOn: day("2023-08-22"), note: "Usulan hasil koordinasi dengan Pemerintah Kabupaten Sragen." },
    });
    const event = await ensureEvent(tx, office, {
      type: EventType.SOSIALISASI,
      status: EventStatus.HELD,
      title: "Sosialisasi Desa Binaan Imigrasi",
      theme: "Peran Keimigrasian dalam Pencegahan Tindak Pidana Perdagangan Orang (TPPO) Melalui Desa Binaan Imigrasi",
      venueName: "Kantor Kecamatan Sambungmacan",
      venueAddress: "Kecamatan Sambungmacan, Kabupaten Sragen",
      date: "2023-09-12",
      from: "09:00", // times are demo: the report gives only the day
      to: "12:00",
      desaBinaanIds: [desa.id],
      speakers: [
        {
          name: "Agus Winarno",
          position: "Kepala Dinas Tenaga Kerja Kabupaten Sragen",
          institutionId: ctx.inst.disnakerSragen.id,
        },
        { name: "Danang Adil Luhur", position: "Perwakilan BP2MI", institutionId: ctx.inst.kp2mi.id },
        {
          name: "Jumiyo",
          position: "Analis Keimigrasian Ahli Madya, mewakili Kepala Divisi Keimigrasian",
          institutionId: ctx.inst.kanwilKumhamJateng.id,
        },
      ],
      partnerInstitutionIds: [ctx.inst.kp2mi.id, ctx.inst.disnakerSragen.id, ctx.inst.kecSambungmacan.id],
      counts: [
        // demo figures: the report gives no attendance numbers
        { category: AttendeeCategory.PERANGKAT_DESA, male: 9, female: 4 },
        { category: AttendeeCategory.WARGA, male: 14, female: 19 },
        { category: AttendeeCategory.CPMI, male: 3, female: 7 },
        { category: AttendeeCategory.INSTANSI, unknown: 6 },
      ],
      reportNotes:
        "Sambutan Kepala Kantor Imigrasi Kelas I TPI Surakarta, Winarko: Desa Cemeng dipilih bersama Pemkab Sragen " +
        "karena jumlah pekerja migrannya terbanyak di Kabupaten Sragen. Tiga narasumber dari Disnaker Sragen, BP2MI " +
        "dan Kanwil Kemenkumham Jawa Tengah.",
      followUps: "Pencanangan Desa Binaan Imigrasi di Desa Cemeng; pendampingan berkelanjutan melalui narahubung.",
      createdById,
    });
    await recordStageChange(tx, desa.id, VillageStage.SOCIALISED, { effectiveOn: day("2023-09-12"), eventId: event.id });
    // The report announces the declaration without a date: demo date.
    await recordStageChange(tx, desa.id, VillageStage.DECLARED, {
      effectiveOn: day("2023-10-24"),
      note: "Pencanangan Desa Cemeng sebagai Desa Binaan Imigrasi (tanggal demo).",
      data: { declaredOn: day("2023-10-24") },
    });
    await addContact(tx, {
      desaBinaanId: desa.id,
      name: "Sri Wahyuni",
      role: ContactRole.SEKRETARIS_DESA,
      position: "Sekretaris Desa Cemeng",
      phone: demoPhone(101),
      activeFrom: day("2023-09-12"),
      notes: DEMO_NOTE,
    });
    await addContact(tx, {
      desaBinaanId: desa.id,
      name: "Puji Lestari",
      role: ContactRole.KADER,
      position: "Kader pemberdayaan masyarakat desa",
      phone: demoPhone(102),
      activeFrom: day("2023-09-12"),
      notes: DEMO_NOTE,
    });
  });
}

async function seedTanjungHarapan(db: Db, ctx: Ctx): Promise<void> {
  const office = ctx.offices.sampit;
  const createdById = adminOf(ctx, "sampit");
  await onceForVillage(db, TANJUNG_HARAPAN, async (tx) => {
    const desa = await createDesaBinaan(tx, {
      villageCode: TANJUNG_HARAPAN,
      officeId: office.id,
      selectionReason: "Kerja sama Kantor Imigrasi Sampit dengan Pemerintah Kabupaten Kotawaringin Timur untuk CPMI",
      createdById,
      history: { effectiveOn: day("2024-01-16"), note: "Usulan bersama Pemkab Kotawaringin Timur (tanggal demo)." },
    });
    const event = await ensureEvent(tx, office, {
      type: EventType.PERESMIAN,
      status: EventStatus.HELD,
      title: "Peresmian Desa Binaan Imigrasi Tanjung Harapan",
      // The report gives no venue: the village office is the demo choice.
      venueName: "Kantor Desa Tanjung Harapan",
      venueAddress: "Desa Tanjung Harapan, Kecamatan Telaga Antang, Kabupaten Kotawaringin Timur",
      venueVillageCode: TANJUNG_HARAPAN,
      date: "2024-02-27",
      from: "09:00",
      to: "11:30",
      desaBinaanIds: [desa.id],
      speakers: [
        {
          name: "Teddy Anugraha",
          position: "Kepala Kantor Imigrasi Kelas II TPI Sampit",
          topic: "Desa Binaan Imigrasi: pencegahan TPPO dan PMI nonprosedural",
        },
      ],
      partnerInstitutionIds: [ctx.inst.pemkabKotim.id],
      counts: [
        { category: AttendeeCategory.WARGA, male: 18, female: 15 },
        { category: AttendeeCategory.INSTANSI, unknown: 5 },
      ],
      reportNotes:
        "Kepala Kantor Imigrasi Kelas II TPI Sampit, Teddy Anugraha, menetapkan sekaligus meresmikan Desa Tanjung " +
        "Harapan sebagai Desa Binaan Imigrasi.",
      createdById,
    });
    await createNamedAttendees(tx, event.id, desa.id);
    const decreeNumber = "DEMO/W17.IMI.IMI.3-UM.01.01/II/2024";
    await recordStageChange(tx, desa.id, VillageStage.INAUGURATED, {
      effectiveOn: day("2024-02-27"),
      eventId: event.id,
      decreeNumber,
      data: { decreeNumber, decreeDate: day("2024-02-26"), inauguratedOn: day("2024-02-27") },
    });
    await recordStageChange(tx, desa.id, VillageStage.MENTORING, {
      effectiveOn: day("2024-03-12"),
      note: "Pendampingan melalui narahubung desa (tanggal demo).",
    });
    await addContact(tx, {
      desaBinaanId: desa.id,
      name: "Yohanes Ribut",
      role: ContactRole.KEPALA_DESA,
      position: "Kepala Desa Tanjung Harapan",
      phone: demoPhone(201),
      activeFrom: day("2024-02-27"),
      notes: DEMO_NOTE,
    });
    await addContact(tx, {
      desaBinaanId: desa.id,
      name: "Maria Ulfah",
      role: ContactRole.PERANGKAT_DESA,
      position: "Kepala Urusan Pemerintahan",
      phone: demoPhone(202),
      activeFrom: day("2024-02-27"),
      notes: DEMO_NOTE,
    });
  });
}

/** Two fictional people who agreed to be recorded, to show named attendance beside counts. */
async function createNamedAttendees(tx: FactoryDb, eventId: string, desaBinaanId: string): Promise<void> {
  const consentAt = localInstant("2024-02-27", "09:00", WIB);
  const people = [
    {
      name: "Rudi Hartono",
      category: AttendeeCategory.PERANGKAT_DESA,
      position: "Kepala Dusun",
      gender: Gender.L,
      phone: demoPhone(211),
    },
    {
      name: "Nur Aisyah",
      category: AttendeeCategory.KADER,
      position: "Kader posyandu",
      gender: Gender.P,
      phone: demoPhone(212),
    },
  ];
  await tx.attendee.createMany({
    data: people.map((p) => ({
      ...p,
      eventId,
      desaBinaanId,
      consentAt,
      source: AttendeeSource.STAFF,
      dedupeKey: `${p.name.toLowerCase()}|${p.phone}`,
    })),
  });
}

async function seedTanjungRaja(db: Db, ctx: Ctx): Promise<void> {
  const office = ctx.offices.palembang;
  const createdById = adminOf(ctx, "palembang");
  // Desa codes have 2xxx as their last part, kelurahan 1xxx: the 15 desa of the report.
  const inDistrict = await db.village.findMany({
    where: { districtCode: TANJUNG_RAJA_DISTRICT },
    orderBy: { code: "asc" },
  });
  const villages = inDistrict.filter((v) => /\.2\d{3}$/.test(v.code));
  await onceForVillage(db, TANJUNG_RAJA_MIGRAN_EMAS, async (tx) => {
    const desas: DesaBinaan[] = [];
    for (const v of villages) {
      desas.push(
        await createDesaBinaan(tx, {
          villageCode: v.code,
          officeId: office.id,
          isDesaMigranEmas: v.code === TANJUNG_RAJA_MIGRAN_EMAS,
          selectionReason: "Pembentukan Desa Binaan Imigrasi di seluruh desa Kecamatan Tanjung Raja",
          createdById,
          history: { effectiveOn: day("2025-10-28"), note: "Koordinasi dengan Camat Tanjung Raja (tanggal demo)." },
        }),
      );
    }
    // The Indodaily report is undated; 18 November 2025 (a Tuesday) is a demo date, placed before
    // the January 2026 KP2MI report that mentions the desa binaan of Ogan Ilir.
    const event = await ensureEvent(tx, office, {
      type: EventType.SOSIALISASI,
      status: EventStatus.HELD,
      title: "Sosialisasi Pembentukan Desa Binaan Imigrasi",
      theme: "Pencegahan Tindak Pidana Perdagangan Orang (TPPO) dan Tindak Pidana Penyelundupan Manusia (TPPM)",
      venueName: "Kantor Camat Tanjung Raja",
      venueAddress: "Kecamatan Tanjung Raja, Kabupaten Ogan Ilir",
      date: "2025-11-18",
      from: "09:00",
      to: "12:00",
      desaBinaanIds: desas.map((d) => d.id),
      speakers: [
        {
          name: "Waydinsyah",
          position: "Kepala BP3MI Provinsi Sumatera Selatan",
          institutionId: ctx.inst.bp3miSumsel.id,
          topic: "Tugas dan peran BP3MI dalam pelindungan calon Pekerja Migran Indonesia",
        },
        {
          name: "Fikky Amrullah",
          position: "Kepala Subseksi Dokumen Perjalanan Keimigrasian",
          topic: "TPPO dan TPPM dalam Perspektif Keimigrasian",
        },
      ],
      partnerInstitutionIds: [ctx.inst.bp3miSumsel.id, ctx.inst.kecTanjungRaja.id],
      counts: [
        { category: AttendeeCategory.KEPALA_DESA, unknown: 15 },
        { category: AttendeeCategory.LURAH, unknown: 4 },
      ],
      whatsappGroupShared: true,
      reportNotes:
        "Dibuka oleh Camat Tanjung Raja, Dian Septa. Kepala Kantor diwakili Kepala Seksi Intelijen dan Penindakan " +
        "Keimigrasian, Machmudi. Hadir 15 kepala desa dan 4 kelurahan.",
      followUps: "Barcode grup WhatsApp Desa Binaan dibagikan kepada seluruh peserta.",
      createdById,
    });
    for (const desa of desas) {
      await recordStageChange(tx, desa.id, VillageStage.SOCIALISED, { effectiveOn: day("2025-11-18"), eventId: event.id });
    }
    const migranEmas = desas.find((d) => d.villageCode === TANJUNG_RAJA_MIGRAN_EMAS);
    if (!migranEmas) throw new Error(`Village ${TANJUNG_RAJA_MIGRAN_EMAS} is not a desa of ${TANJUNG_RAJA_DISTRICT}`);
    await createContact(tx, {
      desaBinaanId: migranEmas.id,
      name: "Dian Septa",
      role: ContactRole.CAMAT,
      position: "Camat Tanjung Raja",
      phone: null, // a real official: no phone number in demo data
      hasWhatsapp: false,
      activeFrom: day("2025-11-18"),
    });
    await addContact(tx, {
      desaBinaanId: migranEmas.id,
      name: "Ahmad Fauzi",
      role: ContactRole.KEPALA_DESA,
      position: "Kepala Desa Tanjung Temiang",
      phone: demoPhone(301),
      activeFrom: day("2025-11-18"),
      notes: DEMO_NOTE,
    });
    const second = desas.find((d) => d.id !== migranEmas.id);
    if (second) {
      await addContact(tx, {
        desaBinaanId: second.id,
        name: "Siti Marlina",
        role: ContactRole.PERANGKAT_DESA,
        position: "Sekretaris Desa",
        phone: demoPhone(302),
        activeFrom: day("2025-11-18"),
        notes: DEMO_NOTE,
      });
    }
  });
}

async function seedOganKomeringIlir(db: Db, ctx: Ctx): Promise<void> {
  const office = ctx.offices.palembang;
  const createdById = adminOf(ctx, "palembang");
  await onceForVillage(db, OKI_VILLAGE, async (tx) => {
    // Dates are demo: the KP2MI report (29/1/2026) only says a desa binaan exists in OKI.
    const desa = await createDesaBinaan(tx, {
      villageCode: OKI_VILLAGE,
      officeId: office.id,
      selectionReason: "Kantong calon pekerja migran di Kabupaten Ogan Komering Ilir (data demo)",
      createdById,
      history: { effectiveOn: day("2025-10-14"), note: DEMO_NOTE },
    });
    await recordStageChange(tx, desa.id, VillageStage.DECLARED, {
      effectiveOn: day("2025-12-16"),
      note: "Pencanangan Desa Binaan Imigrasi (tanggal demo).",
      data: { declaredOn: day("2025-12-16") },
    });
    await addContact(tx, {
      desaBinaanId: desa.id,
      name: "Hasanudin",
      role: ContactRole.KEPALA_DESA,
      position: "Kepala Desa Jejawi",
      phone: demoPhone(401),
      activeFrom: day("2025-12-16"),
      notes: DEMO_NOTE,
    });
  });
}

async function seedJakartaUtara(db: Db, ctx: Ctx): Promise<void> {
  const office = ctx.offices.jakartaUtara;
  await onceForVillage(db, JAKUT_KELURAHAN, async (tx) => {
    const desa = await createDesaBinaan(tx, {
      villageCode: JAKUT_KELURAHAN,
      officeId: office.id,
      selectionReason: "Perangkat kelurahan sebagai perpanjangan tangan Kantor Imigrasi Jakarta Utara (data demo)",
      history: { effectiveOn: day("2024-05-07"), note: DEMO_NOTE },
    });
    const event = await ensureEvent(tx, office, {
      type: EventType.PENCANANGAN,
      status: EventStatus.HELD,
      title: "Sosialisasi dan Pencanangan Desa Binaan Imigrasi",
      venueName: "eL Hotel Jakarta",
      date: "2024-05-28",
      from: "09:00",
      to: "13:00",
      desaBinaanIds: [desa.id],
      // The report names the institutions, not the speakers.
      speakers: [
        { name: "Narasumber BP2MI", position: "Perwakilan BP2MI", institutionId: ctx.inst.kp2mi.id },
        {
          name: "Narasumber Kemnaker",
          position: "Perwakilan Kementerian Ketenagakerjaan",
          institutionId: ctx.inst.kemnaker.id,
        },
      ],
      partnerInstitutionIds: [ctx.inst.kp2mi.id, ctx.inst.kemnaker.id, ctx.inst.kanwilKumhamDki.id],
      counts: [
        { category: AttendeeCategory.CAMAT, unknown: 3 },
        { category: AttendeeCategory.LURAH, unknown: 10 },
        { category: AttendeeCategory.INSTANSI, unknown: 24 },
      ],
      reportNotes:
        "Dihadiri Kepala Kantor Wilayah Kemenkumham DKI Jakarta, R. Andika Dwi Prasetya, dan Kepala Divisi " +
        "Keimigrasian. Perangkat kecamatan, kelurahan dan sekolah diajak menjadi perpanjangan tangan Kantor Imigrasi.",
    });
    await recordStageChange(tx, desa.id, VillageStage.DECLARED, {
      effectiveOn: day("2024-05-28"),
      eventId: event.id,
      data: { declaredOn: day("2024-05-28") },
    });
    await addContact(tx, {
      desaBinaanId: desa.id,
      name: "Teguh Prasetyo",
      role: ContactRole.LURAH,
      position: "Lurah Kalibaru",
      phone: demoPhone(501),
      activeFrom: day("2024-05-28"),
      notes: DEMO_NOTE,
    });
  });
}

async function seedMataram(db: Db, ctx: Ctx): Promise<void> {
  await onceForVillage(db, MATARAM_VILLAGE, async (tx) => {
    await createDesaBinaan(tx, {
      villageCode: MATARAM_VILLAGE,
      officeId: ctx.offices.mataram.id,
      selectionReason: "Lombok Timur termasuk daerah asal pekerja migran terbanyak di NTB (data demo)",
      history: { effectiveOn: day("2026-10-20"), note: DEMO_NOTE },
    });
  });
}

// ───────────────────────────── Other sessions ─────────────────────────────

async function seedCoordinationMeeting(db: Db, ctx: Ctx): Promise<void> {
  await ensureEvent(db, ctx.offices.palembang, {
    type: EventType.RAPAT_KOORDINASI,
    status: EventStatus.HELD,
    title: "Rapat Koordinasi Pencegahan TPPO dengan BP3MI Sumatera Selatan",
    venueName: "Kantor Imigrasi Kelas I TPI Palembang",
    venueAddress: "Kota Palembang",
    date: "2026-01-29",
    from: "10:00", // demo time
    to: "12:00",
    isPublic: false,
    speakers: [
      { name: "Khairil Mirza", position: "Kepala Kantor Imigrasi Kelas I TPI Palembang" },
      { name: "Waydinsyah", position: "Kepala BP3MI Sumatera Selatan", institutionId: ctx.inst.bp3miSumsel.id },
    ],
    partnerInstitutionIds: [ctx.inst.bp3miSumsel.id],
    counts: [{ category: AttendeeCategory.INSTANSI, unknown: 9 }],
    reportNotes:
      "Sinergi pelindungan PMI dari hulu ke hilir: Desa Binaan Imigrasi di Ogan Ilir dan Ogan Komering Ilir " +
      "(disinergikan dengan Desa Migran Emas KP2MI) dan pencegahan keberangkatan nonprosedural di Bandara " +
      "Internasional Sultan Mahmud Badaruddin II.",
    followUps: "Kampanye anti-TPPO bersama melalui media sosial dan podcast.",
    createdById: adminOf(ctx, "palembang"),
  });
}

/** Upcoming sessions (the demo's "today" is 2026-11-23), one of them in WITA. */
async function seedUpcomingEvents(db: Db, ctx: Ctx): Promise<void> {
  const desaIds = async (codes: string[]) =>
    (await db.desaBinaan.findMany({ where: { villageCode: { in: codes } }, select: { id: true } })).map((d) => d.id);
  const tanjungRaja = await db.desaBinaan.findMany({
    where: { village: { districtCode: TANJUNG_RAJA_DISTRICT }, officeId: ctx.offices.palembang.id },
    select: { id: true },
  });
  await ensureEvent(db, ctx.offices.surakarta, {
    type: EventType.PENDAMPINGAN,
    title: "Pendampingan Desa Binaan Imigrasi Cemeng: Layanan Informasi Paspor",
    venueName: "Balai Desa Cemeng",
    venueVillageCode: CEMENG,
    date: "2026-12-08",
    from: "09:00",
    to: "11:00",
    desaBinaanIds: await desaIds([CEMENG]),
    createdById: adminOf(ctx, "surakarta"),
  });
  await ensureEvent(db, ctx.offices.sampit, {
    type: EventType.KAMPANYE,
    title: "Kampanye Migrasi Aman bagi Warga Tanjung Harapan",
    venueName: "Balai Desa Tanjung Harapan",
    venueVillageCode: TANJUNG_HARAPAN,
    date: "2027-01-13",
    from: "13:00",
    to: "15:00",
    desaBinaanIds: await desaIds([TANJUNG_HARAPAN]),
    createdById: adminOf(ctx, "sampit"),
  });
  await ensureEvent(db, ctx.offices.mataram, {
    type: EventType.SOSIALISASI,
    title: "Sosialisasi Desa Binaan Imigrasi Wanasaba",
    venueName: "Kantor Camat Wanasaba",
    venueAddress: "Kecamatan Wanasaba, Kabupaten Lombok Timur",
    date: "2027-01-20",
    from: "09:00", // WITA
    to: "12:00",
    desaBinaanIds: await desaIds([MATARAM_VILLAGE]),
    partnerInstitutionIds: [ctx.inst.kp2mi.id],
  });
  await ensureEvent(db, ctx.offices.palembang, {
    type: EventType.PENCANANGAN,
    title: "Pencanangan Desa Binaan Imigrasi Kecamatan Tanjung Raja",
    venueName: "Kantor Camat Tanjung Raja",
    venueAddress: "Kecamatan Tanjung Raja, Kabupaten Ogan Ilir",
    date: "2027-02-10",
    from: "09:00",
    to: "12:00",
    desaBinaanIds: tanjungRaja.map((d) => d.id),
    partnerInstitutionIds: [ctx.inst.bp3miSumsel.id, ctx.inst.kecTanjungRaja.id],
    createdById: adminOf(ctx, "palembang"),
  });
}

async function assignCemengOfficer(db: Db, ctx: Ctx): Promise<void> {
  const officer = ctx.users.get("petugas.surakarta@demo.imigrasi.go.id");
  const desa = await db.desaBinaan.findUnique({ where: { villageCode: CEMENG } });
  if (!officer || !desa) return;
  await db.desaBinaanOfficer.createMany({
    data: [{ desaBinaanId: desa.id, userId: officer.id, decreeNumber: "DEMO/PIMPASA/2024", assignedOn: day("2024-07-01") }],
    skipDuplicates: true,
  });
}

// ───────────────────────────── Education material ─────────────────────────────

// Fixed so that the Indonesian text and its translation find each other on every run.
const TPPO_SIGNS_GROUP = "6f1d2c1e-3b0a-4c55-9a7e-2d4b8f0c9a11";
// The journey's texts and their English translations, one group per stage.
const JOURNEY_GROUPS = {
  CONSIDERING: "a1d3c6e0-5b7f-4c21-8e4a-0c9b1f2d3e01",
  PREPARING: "a1d3c6e0-5b7f-4c21-8e4a-0c9b1f2d3e02",
  DEPARTING: "a1d3c6e0-5b7f-4c21-8e4a-0c9b1f2d3e03",
  ABROAD: "a1d3c6e0-5b7f-4c21-8e4a-0c9b1f2d3e04",
  RETURNING: "a1d3c6e0-5b7f-4c21-8e4a-0c9b1f2d3e05",
} as const;

type MaterialSpec = {
  slug: string;
  title: string;
  summary: string;
  category: MaterialCategory;
  language?: Language;
  status?: MaterialStatus;
  translationGroupId?: string;
  publishedOn?: string;
  journeyStage?: JourneyStage;
  body: string;
};

const MATERIALS: readonly MaterialSpec[] = [
  {
    slug: "bekerja-ke-luar-negeri-secara-prosedural",
    title: "Bekerja ke Luar Negeri secara Prosedural",
    summary: "Langkah resmi menjadi Pekerja Migran Indonesia agar terlindungi negara sejak sebelum berangkat.",
    category: MaterialCategory.BEKERJA_PROSEDURAL,
    publishedOn: "2026-03-02",
    body: `Bekerja ke luar negeri adalah hak setiap warga negara. Agar terlindungi sebelum, selama, dan setelah bekerja, berangkatlah melalui jalur resmi yang diatur Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia.

**Syarat utama** calon Pekerja Migran Indonesia (CPMI): berusia paling rendah 18 tahun, memiliki kompetensi, sehat jasmani dan rohani, terdaftar dan memiliki nomor kepesertaan jaminan sosial, serta memiliki dokumen lengkap.

**Dokumen** yang disiapkan antara lain: surat keterangan status perkawinan, surat izin suami/istri/orang tua/wali yang diketahui kepala desa atau lurah, sertifikat kompetensi kerja, surat keterangan sehat (hasil pemeriksaan kesehatan dan psikologi), paspor, visa kerja, perjanjian penempatan, dan perjanjian kerja.

**Langkahnya:** daftarkan diri sebagai pencari kerja di Dinas Tenaga Kerja kabupaten/kota atau melalui SIAPkerja Kementerian Ketenagakerjaan, pilih lowongan dari perusahaan penempatan (P3MI) yang memiliki izin resmi, ikuti pelatihan dan pemeriksaan kesehatan, lalu ikuti Orientasi Pra Pemberangkatan yang diselenggarakan BP3MI.

Tanyakan dulu ke Dinas Tenaga Kerja atau BP3MI di provinsi Anda apakah perusahaan dan lowongannya terdaftar. Layanan pengaduan KP2MI (dahulu BP2MI) dapat dihubungi bebas pulsa di **0800-1000**.`,
  },
  {
    slug: "kenali-tanda-perekrut-tppo",
    title: "Kenali Tanda-Tanda Perekrut Perdagangan Orang",
    summary: "Tawaran kerja yang terlalu mudah bisa menjadi pintu perdagangan orang. Kenali tandanya.",
    category: MaterialCategory.TPPO,
    translationGroupId: TPPO_SIGNS_GROUP,
    publishedOn: "2026-03-02",
    body: `Tindak pidana perdagangan orang (TPPO) sering berawal dari tawaran kerja yang menggiurkan, disampaikan oleh kenalan, sponsor, atau akun media sosial.

**Waspadai jika:** gaji yang dijanjikan sangat tinggi untuk pekerjaan yang mudah; proses disebut cepat tanpa pelatihan dan tanpa perjanjian kerja; Anda diminta berangkat dengan visa kunjungan, visa wisata, atau visa umrah untuk bekerja; perekrut tidak dapat menunjukkan perusahaan penempatan yang berizin.

**Tanda bahaya lain:** paspor dan dokumen Anda ditahan perekrut; Anda diminta berbohong kepada petugas imigrasi tentang tujuan perjalanan; Anda diminta membayar biaya besar atau menanggung utang yang dipotong dari gaji; keberangkatan lewat jalur tidak resmi.

TPPO diancam pidana penjara 3 sampai 15 tahun dan denda Rp120 juta sampai Rp600 juta (Undang-Undang Nomor 21 Tahun 2007). Petugas imigrasi dapat menunda keberangkatan orang yang terindikasi menjadi calon korban, demi melindunginya.

Jika Anda atau keluarga menerima tawaran seperti ini, tanyakan ke kantor imigrasi, Dinas Tenaga Kerja, atau BP3MI terdekat, atau hubungi layanan pengaduan KP2MI di 0800-1000. Dalam keadaan darurat, hubungi polisi di 110.`,
  },
  {
    slug: "recognising-a-trafficking-recruiter",
    title: "Recognising a Human Trafficking Recruiter",
    summary: "A job offer that sounds too easy can be the door to trafficking. Learn the signs.",
    category: MaterialCategory.TPPO,
    language: Language.EN,
    translationGroupId: TPPO_SIGNS_GROUP,
    publishedOn: "2026-03-02",
    body: `Human trafficking (TPPO) often starts with an attractive job offer from an acquaintance, a sponsor, or a social media account.

**Be careful if:** the promised salary is very high for easy work; the process is said to be quick, with no training and no employment contract; you are told to travel on a visit, tourist or umrah visa in order to work; the recruiter cannot show a licensed placement company.

**Other danger signs:** the recruiter keeps your passport and documents; you are told to lie to immigration officers about the purpose of your trip; you must pay large fees or take on a debt deducted from your wages; the departure uses unofficial routes.

Trafficking in persons carries 3 to 15 years in prison and a fine of Rp120 million to Rp600 million (Law No. 21 of 2007). Immigration officers may delay the departure of a person who appears to be a potential victim, to protect them.

If you or your family receive such an offer, ask the immigration office, the local manpower office (Disnaker) or the nearest BP3MI, or call the KP2MI complaints line on 0800-1000. In an emergency, call the police on 110.`,
  },
  {
    slug: "membuat-paspor-lewat-m-paspor",
    title: "Membuat Paspor lewat Aplikasi M-Paspor",
    summary: "Ajukan paspor dari ponsel, datang ke kantor imigrasi sesuai jadwal, tanpa calo.",
    category: MaterialCategory.PASPOR,
    publishedOn: "2026-03-09",
    body: `Permohonan paspor dapat diajukan sendiri melalui aplikasi **M-Paspor** dari Direktorat Jenderal Imigrasi, yang tersedia di Google Play dan App Store. Tidak perlu calo.

**Siapkan dokumen asli:** KTP elektronik, Kartu Keluarga, dan salah satu dari akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis. Jika pernah memiliki paspor, bawa juga paspor lama.

**Langkahnya:** daftar akun dan masuk ke aplikasi, pilih pengajuan permohonan dan isi pertanyaannya dengan jujur, pilih kantor imigrasi serta jadwal kedatangan, unggah foto dokumen, lalu bayar sesuai kode pembayaran dalam batas waktu yang tertera.

Datang ke kantor imigrasi sesuai jadwal dengan membawa semua dokumen asli untuk wawancara, pengambilan foto, dan sidik jari. Sampaikan tujuan perjalanan Anda dengan benar: bila untuk bekerja, petugas dapat meminta dokumen dari Dinas Tenaga Kerja.

Biaya paspor hanya dibayar melalui kanal pembayaran resmi yang tercantum di aplikasi. Jangan menyerahkan uang atau dokumen kepada orang yang menjanjikan paspor jadi tanpa prosedur.`,
  },
  {
    slug: "migrasi-aman-sebelum-berangkat",
    title: "Migrasi Aman: Periksa Sebelum Berangkat",
    summary: "Lima hal yang perlu dipastikan calon pekerja migran dan keluarganya sebelum berangkat.",
    category: MaterialCategory.MIGRASI_AMAN,
    publishedOn: "2026-03-16",
    body: `Migrasi aman berarti berangkat dengan dokumen lengkap, melalui lembaga resmi, dan dengan perlindungan negara.

**Sebelum berangkat, pastikan:** perusahaan penempatan berizin dan lowongannya terdaftar; ada perjanjian kerja yang Anda pahami isinya (gaji, jam kerja, jenis pekerjaan, majikan); Anda memakai visa kerja, bukan visa kunjungan; Anda terdaftar sebagai peserta jaminan sosial; Anda sudah mengikuti Orientasi Pra Pemberangkatan.

Simpan salinan paspor, visa, dan perjanjian kerja di rumah dan di ponsel. Tinggalkan nama perusahaan, alamat tempat kerja, dan nomor yang bisa dihubungi kepada keluarga.

Undang-undang melarang pekerja migran dibebani biaya penempatan yang tidak sesuai ketentuan. Bila diminta membayar besar di muka, tanyakan dulu ke Dinas Tenaga Kerja atau BP3MI.

Perangkat desa dan narahubung Desa Binaan Imigrasi di desa Anda dapat membantu menghubungkan dengan kantor imigrasi terdekat.`,
  },
  {
    slug: "mengenal-tppm-penyelundupan-manusia",
    title: "Mengenal TPPM: Penyelundupan Manusia",
    summary: "Draf: perbedaan penyelundupan manusia dan perdagangan orang.",
    category: MaterialCategory.TPPM,
    status: MaterialStatus.DRAFT,
    body: `Penyelundupan manusia (TPPM) adalah perbuatan membawa orang masuk atau keluar wilayah Indonesia secara tidak sah untuk mencari keuntungan, diatur dalam Pasal 120 Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian.

Berbeda dengan perdagangan orang, dalam penyelundupan orang yang dibawa biasanya ikut secara sukarela, tetapi perjalanan tanpa dokumen resmi membuatnya tidak terlindungi dan mudah dieksploitasi.

_Draf: bagian contoh kasus dan cara melapor belum ditulis._`,
  },
  // The journey (/perjalanan, issue 18): one short text per stage, each with what to check, the
  // warning signs and whom to call. Written for the demo from the guide and the program's
  // articles; the only numbers are the public service lines the guide already lists.
  {
    slug: "perjalanan-berpikir-untuk-berangkat",
    title: "Berpikir untuk Bekerja ke Luar Negeri",
    summary: "Sebelum menerima tawaran kerja, cari tahu dulu dari sumber resmi dan bicarakan dengan keluarga.",
    category: MaterialCategory.MIGRASI_AMAN,
    journeyStage: JourneyStage.CONSIDERING,
    translationGroupId: JOURNEY_GROUPS.CONSIDERING,
    publishedOn: "2026-04-06",
    body: `Keputusan bekerja ke luar negeri sebaiknya diambil bersama keluarga, dengan informasi dari sumber resmi, bukan hanya dari sponsor atau kenalan.

**Daftar periksa**
- Tanyakan lowongan resmi ke Dinas Tenaga Kerja (Disnaker) kabupaten/kota atau BP3MI di provinsi Anda.
- Periksa apakah perusahaan penempatan (P3MI) yang menawarkan pekerjaan ada dalam daftar perusahaan berizin.
- Pahami pekerjaannya: negara, jenis pekerjaan, gaji, jam kerja, dan biaya yang benar-benar harus dibayar.
- Bicarakan dengan keluarga; izin tertulis suami/istri/orang tua/wali diperlukan nanti.

**Tanda bahaya**
- Gaji sangat tinggi untuk pekerjaan mudah, tanpa syarat keterampilan.
- Tawaran hanya lewat media sosial atau perorangan, tanpa perusahaan yang jelas.
- Anda didesak memutuskan cepat atau diminta menyerahkan uang sebelum ada kejelasan.

**Siapa yang dihubungi**
Disnaker kabupaten/kota, BP3MI provinsi, Kantor Imigrasi terdekat, atau narahubung Desa Binaan Imigrasi di desa Anda. Layanan pengaduan KP2MI bebas pulsa: 0800-1000.`,
  },
  {
    slug: "perjalanan-mempersiapkan-keberangkatan",
    title: "Mempersiapkan Diri dan Dokumen",
    summary: "Dokumen, pelatihan, dan pemeriksaan kesehatan diurus lewat jalur resmi, dan dokumen tetap Anda pegang.",
    category: MaterialCategory.BEKERJA_PROSEDURAL,
    journeyStage: JourneyStage.PREPARING,
    translationGroupId: JOURNEY_GROUPS.PREPARING,
    publishedOn: "2026-04-06",
    body: `Persiapan yang benar membuat Anda terlindungi sejak sebelum berangkat.

**Daftar periksa**
- Daftar sebagai pencari kerja di Disnaker atau lewat SIAPkerja Kemnaker.
- Ajukan paspor sendiri lewat aplikasi M-Paspor dan sampaikan tujuan perjalanan dengan jujur saat wawancara.
- Ikuti pelatihan dan uji kompetensi, serta pemeriksaan kesehatan dan psikologi.
- Daftar sebagai peserta BPJS Ketenagakerjaan.
- Baca perjanjian kerja sampai paham: gaji, jam kerja, jenis pekerjaan, majikan, dan alamat tempat kerja.

**Tanda bahaya**
- Perekrut atau sponsor meminta menyimpan KTP, Kartu Keluarga, ijazah, atau paspor Anda.
- Anda diminta membayar biaya besar atau menandatangani utang yang dipotong dari gaji.
- Anda diajari berbohong kepada petugas imigrasi tentang tujuan perjalanan.

**Siapa yang dihubungi**
Disnaker untuk pendaftaran dan pengecekan perusahaan, Kantor Imigrasi untuk paspor, BP3MI untuk pertanyaan tentang penempatan. KP2MI: 0800-1000.`,
  },
  {
    slug: "perjalanan-saat-berangkat",
    title: "Saat Berangkat",
    summary: "Berangkat dengan visa kerja, lewat jalur resmi, dan tinggalkan keterangan lengkap untuk keluarga.",
    category: MaterialCategory.MIGRASI_AMAN,
    journeyStage: JourneyStage.DEPARTING,
    translationGroupId: JOURNEY_GROUPS.DEPARTING,
    publishedOn: "2026-04-06",
    body: `Hari keberangkatan adalah saat terakhir untuk memastikan semuanya resmi.

**Daftar periksa**
- Sudah mengikuti Orientasi Pra Pemberangkatan (OPP) dari BP3MI.
- Memakai visa kerja, bukan visa kunjungan, wisata, atau umrah.
- Paspor, visa, dan perjanjian kerja Anda pegang sendiri; salinannya ada di rumah dan di ponsel.
- Keluarga tahu nama perusahaan, alamat tempat kerja, dan nomor yang dapat dihubungi.

**Tanda bahaya**
- Anda ditampung berhari-hari di rumah atau tempat yang tidak jelas, atau dipindah-pindah.
- Anda disuruh berangkat lewat pelabuhan atau jalur tidak resmi, atau transit di negara lain tanpa penjelasan.
- Anda disuruh mengaku berwisata atau beribadah kepada petugas.

**Siapa yang dihubungi**
Petugas imigrasi di bandara atau pelabuhan siap membantu bila ada yang janggal. Dalam keadaan darurat, hubungi polisi di 110. KP2MI: 0800-1000.`,
  },
  {
    slug: "perjalanan-selama-di-luar-negeri",
    title: "Selama Bekerja di Luar Negeri",
    summary: "Jaga dokumen, tetap berhubungan dengan keluarga, dan kenali Perwakilan RI di negara tempat bekerja.",
    category: MaterialCategory.TPPO,
    journeyStage: JourneyStage.ABROAD,
    translationGroupId: JOURNEY_GROUPS.ABROAD,
    publishedOn: "2026-04-06",
    body: `Perlindungan tetap berlaku selama Anda bekerja di luar negeri.

**Daftar periksa**
- Lapor diri ke Perwakilan RI (KBRI atau KJRI) di negara tempat Anda bekerja.
- Simpan paspor dan salinan perjanjian kerja; catat alamat KBRI/KJRI terdekat.
- Hubungi keluarga secara teratur dan kabarkan bila pindah tempat kerja.

**Tanda bahaya**
- Paspor ditahan majikan atau agen, gaji tidak dibayar, atau pekerjaan berbeda dari perjanjian.
- Anda dikurung, diancam, atau dilarang berhubungan dengan keluarga.
- Anda disuruh pindah majikan atau negara tanpa dokumen baru.

**Siapa yang dihubungi**
Perwakilan RI (KBRI/KJRI) di negara tempat bekerja. Keluarga di Indonesia dapat menghubungi KP2MI di 0800-1000 atau SAPA 129 (telepon 129, WhatsApp 08111-129-129) untuk kekerasan terhadap perempuan dan anak.`,
  },
  {
    slug: "perjalanan-pulang-ke-tanah-air",
    title: "Pulang ke Tanah Air",
    summary: "Pulang lewat jalur resmi, urus hak Anda, dan bagikan pengalaman kepada warga desa.",
    category: MaterialCategory.MIGRASI_AMAN,
    journeyStage: JourneyStage.RETURNING,
    translationGroupId: JOURNEY_GROUPS.RETURNING,
    publishedOn: "2026-04-06",
    body: `Kepulangan juga bagian dari migrasi aman.

**Daftar periksa**
- Pulang lewat bandara atau pelabuhan resmi dengan paspor Anda sendiri.
- Simpan bukti gaji, perjanjian kerja, dan kartu BPJS Ketenagakerjaan untuk mengurus hak yang belum diterima.
- Ceritakan pengalaman Anda kepada keluarga dan warga desa: pengalaman nyata membantu orang lain waspada.

**Tanda bahaya**
- Tawaran berangkat lagi dengan cepat lewat sponsor, tanpa Disnaker dan tanpa perusahaan berizin.
- Ada kerabat atau tetangga yang sedang direkrut dengan cara yang sama seperti yang merugikan Anda.

**Siapa yang dihubungi**
BP3MI provinsi untuk masalah gaji atau hak yang belum dibayar, Disnaker untuk pelatihan dan pekerjaan, narahubung Desa Binaan Imigrasi atau Kantor Imigrasi terdekat bila mendengar perekrutan yang mencurigakan. KP2MI: 0800-1000.`,
  },
  // The same five stages in English (translations of the texts above).
  {
    slug: "journey-thinking-of-working-abroad",
    title: "Thinking of Working Abroad",
    summary: "Before you accept a job offer, check it with official sources and talk it over with your family.",
    category: MaterialCategory.MIGRASI_AMAN,
    language: Language.EN,
    journeyStage: JourneyStage.CONSIDERING,
    translationGroupId: JOURNEY_GROUPS.CONSIDERING,
    publishedOn: "2026-04-06",
    body: `Decide to work abroad together with your family, with information from official sources, not only from a sponsor or an acquaintance.

**Checklist**
- Ask about official vacancies at the regency/city manpower office (Disnaker) or at the BP3MI of your province.
- Check that the placement company (P3MI) offering the job is on the list of licensed companies.
- Understand the job: the country, the kind of work, the wage, the working hours and the costs you really have to pay.
- Talk it over with your family; the written consent of your husband or wife, parents or guardian will be needed later.

**Warning signs**
- A very high wage for easy work that asks for no skills.
- The offer comes only through social media or a private person, with no clear company behind it.
- You are pushed to decide quickly, or asked to hand over money before anything is clear.

**Whom to call**
The regency/city Disnaker, the provincial BP3MI, the nearest immigration office, or the Desa Binaan Imigrasi liaison in your village. The KP2MI complaints line is free: 0800-1000.`,
  },
  {
    slug: "journey-preparing-yourself-and-your-documents",
    title: "Preparing Yourself and Your Documents",
    summary: "Documents, training and the medical check go through official channels, and you keep your documents yourself.",
    category: MaterialCategory.BEKERJA_PROSEDURAL,
    language: Language.EN,
    journeyStage: JourneyStage.PREPARING,
    translationGroupId: JOURNEY_GROUPS.PREPARING,
    publishedOn: "2026-04-06",
    body: `Preparing the right way protects you from before you leave.

**Checklist**
- Register as a job seeker at Disnaker or through the Ministry of Manpower's SIAPkerja.
- Apply for your passport yourself with the M-Paspor app, and state the purpose of your trip honestly at the interview.
- Take the training and the competency test, and the medical and psychological check.
- Register with BPJS Ketenagakerjaan (workers' social security).
- Read your employment contract until you understand it: the wage, working hours, kind of work, employer and the address of the workplace.

**Warning signs**
- The recruiter or sponsor asks to keep your identity card, family card, diploma or passport.
- You are asked to pay large fees or to sign a debt that will be deducted from your wages.
- You are coached to lie to immigration officers about the purpose of your trip.

**Whom to call**
Disnaker to register and to check a company, the immigration office for your passport, BP3MI for questions about placement. KP2MI: 0800-1000.`,
  },
  {
    slug: "journey-departing",
    title: "Departing",
    summary: "Leave on a work visa, through official channels, and leave full details with your family.",
    category: MaterialCategory.MIGRASI_AMAN,
    language: Language.EN,
    journeyStage: JourneyStage.DEPARTING,
    translationGroupId: JOURNEY_GROUPS.DEPARTING,
    publishedOn: "2026-04-06",
    body: `The day you leave is the last moment to make sure that everything is official.

**Checklist**
- You have attended the pre-departure orientation (OPP) given by BP3MI.
- You travel on a work visa, not on a visit, tourist or umrah visa.
- You hold your passport, visa and employment contract yourself; copies are at home and on your phone.
- Your family knows the company's name, the address of the workplace and a number where you can be reached.

**Warning signs**
- You are kept for days in a house or a place that is not clear, or moved from place to place.
- You are told to leave through an unofficial port or route, or to transit through another country without explanation.
- You are told to say to the officers that you are travelling as a tourist or a pilgrim.

**Whom to call**
Immigration officers at the airport or the port are there to help when something seems wrong. In an emergency, call the police on 110. KP2MI: 0800-1000.`,
  },
  {
    slug: "journey-while-working-abroad",
    title: "While Working Abroad",
    summary: "Keep your documents, stay in touch with your family, and know the Indonesian mission in the country where you work.",
    category: MaterialCategory.TPPO,
    language: Language.EN,
    journeyStage: JourneyStage.ABROAD,
    translationGroupId: JOURNEY_GROUPS.ABROAD,
    publishedOn: "2026-04-06",
    body: `You are still protected while you work abroad.

**Checklist**
- Report your presence to the Indonesian mission (embassy or consulate: KBRI or KJRI) in the country where you work.
- Keep your passport and a copy of your employment contract; note the address of the nearest KBRI/KJRI.
- Contact your family regularly, and tell them when you change workplace.

**Warning signs**
- Your employer or agent keeps your passport, your wage is not paid, or the work differs from the contract.
- You are locked in, threatened, or forbidden to contact your family.
- You are told to change employer or country without new documents.

**Whom to call**
The Indonesian mission (KBRI/KJRI) in the country where you work. Your family in Indonesia can call KP2MI on 0800-1000, or SAPA 129 (phone 129, WhatsApp 08111-129-129) about violence against women and children.`,
  },
  {
    slug: "journey-coming-home",
    title: "Coming Home",
    summary: "Come home through official channels, claim your rights, and share your experience with your village.",
    category: MaterialCategory.MIGRASI_AMAN,
    language: Language.EN,
    journeyStage: JourneyStage.RETURNING,
    translationGroupId: JOURNEY_GROUPS.RETURNING,
    publishedOn: "2026-04-06",
    body: `Coming home is part of safe migration too.

**Checklist**
- Come home through an official airport or port, with your own passport.
- Keep your pay slips, employment contract and BPJS Ketenagakerjaan card to claim what you are still owed.
- Tell your family and your village about your experience: real stories help others stay alert.

**Warning signs**
- An offer to leave again quickly through a sponsor, without Disnaker and without a licensed company.
- A relative or neighbour is being recruited in the same way that harmed you.

**Whom to call**
The provincial BP3MI for unpaid wages or rights, Disnaker for training and work, the Desa Binaan Imigrasi liaison or the nearest immigration office when you hear of suspicious recruiting. KP2MI: 0800-1000.`,
  },
];

export const DEMO_MATERIAL_SLUGS: readonly string[] = MATERIALS.map((m) => m.slug);

async function seedMaterials(db: Db, authorId: string | null): Promise<void> {
  for (const m of MATERIALS) {
    if (await db.material.findUnique({ where: { slug: m.slug } })) continue;
    const { publishedOn, ...fields } = m;
    const status = m.status ?? MaterialStatus.PUBLISHED;
    await createMaterial(db, {
      ...fields,
      officeId: null,
      status,
      authorId,
      publishedById: status === MaterialStatus.PUBLISHED ? authorId : null,
      publishedAt: publishedOn ? localInstant(publishedOn, "08:00", WIB) : null,
    });
  }
}

/**
 * A short recording for one material: synthetic speech made here with espeak-ng (Indonesian
 * voice) and opusenc, reading part of the text (lib/seed/data/audio/README.md). Labelled as
 * synthetic in its own tags and in the README; written once, like the rest of the demo.
 */
const DEMO_AUDIO = { slug: "bekerja-ke-luar-negeri-secara-prosedural", file: "bekerja-ke-luar-negeri-secara-prosedural.opus" };

async function seedMaterialAudio(db: Db): Promise<void> {
  const material = await db.material.findUnique({ where: { slug: DEMO_AUDIO.slug }, select: { id: true, audioFileId: true } });
  if (!material || material.audioFileId) return;
  const data = new Uint8Array(readFileSync(fileURLToPath(new URL(`./data/audio/${DEMO_AUDIO.file}`, import.meta.url))));
  const { parseBuffer } = await import("music-metadata");
  const { format } = await parseBuffer(data, { mimeType: "audio/ogg", size: data.byteLength }, { duration: true });
  await db.$transaction(async (tx) => {
    const file = await tx.storedFile.create({
      data: {
        fileName: DEMO_AUDIO.file,
        mimeType: "audio/ogg",
        byteSize: data.byteLength,
        sha256: createHash("sha256").update(data).digest("hex"),
        durationMs: Math.round((format.duration ?? 0) * 1000),
        data,
      },
      select: { id: true },
    });
    await tx.material.update({ where: { id: material.id }, data: { audioFileId: file.id } });
  });
}

// ───────────────────────────── Entry point ─────────────────────────────

/** Loads the demo organisations, villages, sessions, accounts and materials. Needs the regions. */
export async function seedDemo(db: Db): Promise<void> {
  if ((await db.village.count({ where: { code: CEMENG } })) === 0) {
    throw new Error("Regions are not seeded: run seedRegions before seedDemo");
  }
  await seedKanwils(db);
  const offices = await seedOffices(db);
  const inst = await seedInstitutions(db, offices);
  const staff = ACCOUNT_SPECS.filter((a) => a.role !== Role.VILLAGE);
  const ctx: Ctx = { offices, inst, users: await seedAccounts(db, offices, staff) };
  await seedCemeng(db, ctx);
  await seedTanjungHarapan(db, ctx);
  await seedTanjungRaja(db, ctx);
  await seedOganKomeringIlir(db, ctx);
  await seedJakartaUtara(db, ctx);
  await seedMataram(db, ctx);
  // Village accounts point at their desa binaan, which exists only now.
  const villagers = await seedAccounts(db, offices, ACCOUNT_SPECS.filter((a) => a.role === Role.VILLAGE));
  for (const [email, user] of villagers) ctx.users.set(email, user);
  await assignCemengOfficer(db, ctx);
  await seedWarnings(db, ctx);
  await seedCoordinationMeeting(db, ctx);
  await seedUpcomingEvents(db, ctx);
  await seedMaterials(db, ctx.users.get("ditjen@demo.imigrasi.go.id")?.id ?? null);
  await seedMaterialAudio(db);
}

// ───────────────────────────── Early warning (ADR 0018) ─────────────────────────────

/**
 * Four fictional reports at Kanim Surakarta, relative to the time of seeding so that the demo
 * always shows each state: one from Desa Cemeng nearing its 24-hour target, one overdue (the
 * Kanwil's red flag, ready for a reminder), one in follow-up and one closed. No real person.
 */
async function seedWarnings(db: Db, ctx: Ctx): Promise<void> {
  const office = ctx.offices.surakarta;
  if ((await db.warningReport.count({ where: { officeId: office.id } })) > 0) return;
  const cemeng = await db.desaBinaan.findUnique({ where: { villageCode: CEMENG }, select: { id: true } });
  if (!cemeng) return;
  const villageUser = ctx.users.get("desa.cemeng@demo.imigrasi.go.id")?.id ?? null;
  const officer = ctx.users.get("petugas.surakarta@demo.imigrasi.go.id")?.id ?? null;
  const policy = { hours: 24, urgentHours: 6, warnPercent: 75 };
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
  const stories: {
    filedHoursAgo: number;
    category: WarningCategory;
    urgency?: WarningUrgency;
    source: WarningSource;
    description: string;
    place: string | null;
    status: WarningStatus;
    respondedAfterHours?: number;
  }[] = [
    {
      filedHoursAgo: 20,
      category: "TPPO_INDICATION",
      source: "VILLAGE",
      description: `Seorang warga bercerita ada orang dari luar desa yang menawarkan pekerjaan di luar negeri kepada beberapa pemuda, berangkat bulan depan, katanya cukup dengan visa turis. ${DEMO_NOTE}`,
      place: "Dusun Cemeng Kidul",
      status: "NEW",
    },
    {
      filedHoursAgo: 30,
      category: "RECRUITER",
      source: "VILLAGE",
      description: `Sebuah agen membuka pendaftaran calon pekerja migran di balai dusun tanpa izin dari Disnaker. ${DEMO_NOTE}`,
      place: "Balai Dusun Cemeng Lor",
      status: "NEW",
    },
    {
      filedHoursAgo: 72,
      category: "PASSPORT_REQUEST",
      urgency: "URGENT",
      source: "OFFICER",
      description: `Permohonan paspor dua warga dengan tujuan ziarah, diduga untuk bekerja. ${DEMO_NOTE}`,
      place: null,
      status: "IN_FOLLOW_UP",
      respondedAfterHours: 2,
    },
    {
      filedHoursAgo: 24 * 20,
      category: "FOREIGNER",
      source: "VILLAGE",
      description: `Dua orang asing terlihat bekerja di penggilingan padi desa. ${DEMO_NOTE}`,
      place: null,
      status: "CLOSED_INVALID",
      respondedAfterHours: 9,
    },
  ];
  await db.$transaction(async (tx) => {
    for (const story of stories) {
      const filedAt = hoursAgo(story.filedHoursAgo);
      const times = slaTimes(filedAt, story.urgency === "URGENT", policy);
      const firstResponseAt = story.respondedAfterHours ? new Date(filedAt.getTime() + story.respondedAfterHours * 3_600_000) : null;
      const closed = story.status.startsWith("CLOSED");
      const report = await tx.warningReport.create({
        data: {
          ticketCode: newTicketCode(),
          source: story.source,
          category: story.category,
          urgency: story.urgency ?? "NORMAL",
          status: story.status,
          description: story.description,
          place: story.place,
          occurredOn: new Date(`${filedAt.toISOString().slice(0, 10)}T00:00:00Z`),
          villageCode: CEMENG,
          desaBinaanId: cemeng.id,
          provinceCode: office.provinceCode,
          officeId: office.id,
          kanwilId: office.kanwilId,
          filedById: story.source === "VILLAGE" ? villageUser : officer,
          assignedToId: firstResponseAt ? officer : null,
          filedAt,
          filedMonth: monthOf(filedAt, "Asia/Jakarta"),
          ...times,
          firstResponseAt,
          closedAt: closed && firstResponseAt ? new Date(firstResponseAt.getTime() + 24 * 3_600_000) : null,
        },
      });
      await tx.warningStep.create({ data: { reportId: report.id, kind: "FILED", status: "NEW", actorId: report.filedById, forReporter: true, at: filedAt } });
      if (firstResponseAt) {
        await tx.warningStep.create({ data: { reportId: report.id, kind: "STATUS", status: story.status, actorId: officer, forReporter: true, at: firstResponseAt } });
      }
    }
  });
}

