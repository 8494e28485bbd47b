import { createHmac } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { createDesaBinaan, createKanwil, createOffice, createUser, uniqueSuffix } from "@/lib/factories";
import { loadMessages } from "@/lib/i18n/catalogue";
import { AppError } from "@/lib/server/errors";
import { newChallenge, type PowPolicy } from "@/lib/server/proof-of-work";
import { publicTipSchema } from "@/lib/features/warnings/schemas";
import {
  answerTip,
  findPublicVillage,
  searchPublicVillages,
  submitPublicTip,
  TIP_LIMITS,
  trackTip,
} from "@/lib/features/warnings/public-tip";
import { addNote, askReporter, startVerification } from "@/lib/features/warnings/triage";
import { asSessionUser, testDb } from "@/tests/support/world";

/** The real algorithm and checks with a tiny cost, so that a test can solve a thousand challenges. */
const CHEAP: PowPolicy = { purpose: "tip", cost: 1, minCounter: 0, maxCounter: 5, ttlSeconds: 600 };
const encode = (challenge: Challenge, solution: unknown) => Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
async function solved(policy = CHEAP, now?: Date): Promise<string> {
  const challenge = await newChallenge(policy, now);
  const solution = await solveChallenge({ challenge, deriveKey });
  return encode(challenge, solution);
}

/** submitPublicTip with the cheap policy (the checks are the same; only the work is less). */
const submit = (input: Parameters<typeof submitPublicTip>[0], proof: string | undefined, client: { address: string }, options: Parameters<typeof submitPublicTip>[3] = {}) =>
  submitPublicTip(input, proof, client, { pow: CHEAP, ...options });

const address = () => `203.0.113.${uniqueSuffix()}`;
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const tip = (villageCode: string, extra: Record<string, unknown> = {}) =>
  publicTipSchema.parse({
    category: "RECRUITER",
    urgency: "NORMAL",
    description: `Perekrut menawarkan kerja ke luar negeri tanpa dokumen ${uniqueSuffix()}`,
    occurredOn: today(),
    villageCode,
    consent: "on",
    ...extra,
  });

/** The Indonesian message of a key, as the action wrapper shows it. */
let id: (key: string) => string;
let idKeys: (key: string) => boolean;
beforeAll(async () => {
  const t = createTranslator({ locale: "id", messages: await loadMessages("id") });
  id = (key) => (t as unknown as (k: string) => string)(key);
  idKeys = (key) => (t as unknown as { has(k: string): boolean }).has(key);
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A village of `regencyCode` that is no desa binaan. */
async function plainVillage(regencyCode: string) {
  const v = await testDb.village.findFirstOrThrow({ where: { regencyCode, desaBinaan: null }, orderBy: { code: "desc" }, select: { code: true } });
  return v.code;
}

/** A regency of the province that no office holds, and no test is likely to take. */
async function freeRegency(provinceCode: string) {
  const r = await testDb.regency.findFirstOrThrow({
    where: { provinceCode, workAreas: { none: {} } },
    orderBy: { code: "desc" },
    select: { code: true },
  });
  return r.code;
}

describe("routing of a public tip (ADR 0018)", () => {
  it("sends a desa binaan's tip to its office", async () => {
    const office = await createOffice(testDb, { provinceCode: "33", workArea: [] });
    const desa = await createDesaBinaan(testDb, { officeId: office.id });
    const { ticketCode } = await submit(tip(desa.villageCode), await solved(), { address: address() });
    const report = await testDb.warningReport.findUniqueOrThrow({ where: { ticketCode } });
    expect(report).toMatchObject({ officeId: office.id, kanwilId: office.kanwilId, desaBinaanId: desa.id, source: "PUBLIC", status: "NEW" });
    expect(report.consentAt).not.toBeNull();
  });

  it("sends a village in an office's work area that is no desa binaan to that office", async () => {
    const regency = await freeRegency("35");
    const office = await createOffice(testDb, { provinceCode: "35", workArea: [regency] });
    const { ticketCode } = await submit(tip(await plainVillage(regency)), await solved(), { address: address() });
    const report = await testDb.warningReport.findUniqueOrThrow({ where: { ticketCode } });
    expect(report).toMatchObject({ officeId: office.id, kanwilId: office.kanwilId, desaBinaanId: null });
  });

  it("sends a village no office holds to the Kanwil of its province", async () => {
    const kanwil = await createKanwil(testDb, { provinceCode: "36" });
    const { ticketCode } = await submit(tip(await plainVillage(await freeRegency("36"))), await solved(), { address: address() });
    const report = await testDb.warningReport.findUniqueOrThrow({ where: { ticketCode } });
    expect(report).toMatchObject({ officeId: null, kanwilId: kanwil.id, provinceCode: "36" });
  });

  it("sends a village of a province without a Kanwil to the national level", async () => {
    const province = await testDb.province.findFirstOrThrow({ where: { kanwil: null }, orderBy: { code: "desc" }, select: { code: true } });
    const regency = await testDb.regency.findFirstOrThrow({ where: { provinceCode: province.code }, select: { code: true } });
    const { ticketCode } = await submit(tip(await plainVillage(regency.code)), await solved(), { address: address() });
    const report = await testDb.warningReport.findUniqueOrThrow({ where: { ticketCode } });
    expect(report).toMatchObject({ officeId: null, kanwilId: null, provinceCode: province.code });
  });
});

describe("flood limits per address", () => {
  let village: string;
  beforeAll(async () => {
    village = await plainVillage(await freeRegency("36"));
    // A running server started its job queue at boot (instrumentation.ts). In a fresh test database
    // the first tip starts pg-boss and creates its schema and queues: let that happen before the
    // flood, so that the burst measures the limits, not pg-boss's first start under 1,000 requests.
    await submit(tip(village), await solved(), { address: address() });
  });

  // This test admitted 4, not 5, in about one run in four on a busy machine: the limiter refused an
  // attempt below the limit when a statement that started later took the row first (fixed in
  // lib/server/rate-limit.ts, its own test "admits every concurrent attempt below the limit").
  it("lets 5 of 1,000 tips sent at once from one address through, each stored exactly once and whole", { timeout: 120_000 }, async () => {
    const from = address();
    const marker = `banjir-${uniqueSuffix()}`;
    const proofs = await Promise.all(Array.from({ length: 1000 }, () => solved()));
    const started = Date.now();
    const replies = await Promise.all(
      proofs.map((proof, i) =>
        submit(tip(village, { description: `${marker} nomor ${i}` }), proof, { address: from }).then(
          (r) => ({ ok: true as const, ...r }),
          (e: unknown) => ({ ok: false as const, code: e instanceof AppError ? e.code : String(e), fields: e instanceof AppError ? e.fieldErrors : undefined }),
        ),
      ),
    );
    // all within one window of the limit (the machine's speed is not what is tested)
    expect(Date.now() - started).toBeLessThan(TIP_LIMITS.recent.windowSeconds * 1000);
    const accepted = replies.filter((r) => r.ok);
    const refused = replies.filter((r) => !r.ok);
    // on a miss, say what the others were refused for (a rate limit, or something else)
    const why = new Map<string, number>();
    for (const r of refused) {
      const reason = r.ok ? "" : `${r.code} ${JSON.stringify(r.fields ?? {})}`.slice(0, 300);
      why.set(reason, (why.get(reason) ?? 0) + 1);
    }
    expect(accepted, `refused: ${JSON.stringify([...why])}`).toHaveLength(TIP_LIMITS.recent.max);
    expect(refused.every((r) => r.code === "RATE_LIMITED" && r.fields?._form === "tip.errors.tooManyRecent")).toBe(true);

    const stored = await testDb.warningReport.findMany({
      where: { description: { startsWith: marker } },
      select: { ticketCode: true, trackingCode: true, steps: { select: { kind: true } } },
    });
    expect(stored.map((r) => r.trackingCode).sort()).toEqual(accepted.map((r) => r.trackingCode).sort());
    expect(new Set(stored.map((r) => r.ticketCode)).size).toBe(stored.length);
    for (const report of stored) expect(report.steps).toEqual([{ kind: "FILED" }]);
    expect(id("tip.errors.tooManyRecent")).toMatch(/Terlalu banyak laporan/);
  });

  it("has a daily limit too, and a refusal there writes nothing", async () => {
    const from = address();
    const marker = `harian-${uniqueSuffix()}`;
    const limits = { ...TIP_LIMITS, recent: { ...TIP_LIMITS.recent, windowSeconds: 1, max: 2, free: 2 }, daily: { ...TIP_LIMITS.daily, max: 3, free: 3 } };
    const send = async (i: number) => submit(tip(village, { description: `${marker} ${i}` }), await solved(), { address: from }, { limits });
    await send(1);
    await send(2);
    expect((await refusal(send(3))).fields._form).toBe("tip.errors.tooManyRecent");
    await new Promise((r) => setTimeout(r, 1100));
    await send(4);
    expect((await refusal(send(5))).fields._form).toBe("tip.errors.tooManyToday");
    expect(await testDb.warningReport.count({ where: { description: { startsWith: marker } } })).toBe(3);
  });
});

describe("the proof of work", () => {
  let village: string;
  beforeAll(async () => {
    village = await plainVillage(await freeRegency("36"));
  });

  it("refuses a solution used before, also when the same one is sent twice at once", async () => {
    const proof = await solved();
    await submit(tip(village), proof, { address: address() });
    const again = await refusal(submit(tip(village), proof, { address: address() }));
    expect(again).toEqual({ code: "VALIDATION", fields: { altcha: "tip.errors.challengeUsed" } });

    const twin = await solved();
    const both = await Promise.allSettled([submit(tip(village), twin, { address: address() }), submit(tip(village), twin, { address: address() })]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a missing, garbled, forged, re-purposed, unsolved or expired challenge", async () => {
    const challenge = await newChallenge(CHEAP);
    const solution = await solveChallenge({ challenge, deriveKey });
    const forgedSignature = createHmac("sha256", "not our secret").update(JSON.stringify(challenge.parameters)).digest("hex");
    const cases: [string | undefined, string][] = [
      [undefined, "tip.errors.challengeMissing"],
      ["bm90IGpzb24=", "tip.errors.challengeInvalid"],
      [encode({ ...challenge, signature: forgedSignature }, solution), "tip.errors.challengeInvalid"],
      // easier parameters under the old signature
      [encode({ ...challenge, parameters: { ...challenge.parameters, keyPrefix: "00" } }, solution), "tip.errors.challengeInvalid"],
      [encode(challenge, { ...solution, derivedKey: "ab".repeat(32) }), "tip.errors.challengeInvalid"],
      [await solved({ ...CHEAP, purpose: "something-else" }), "tip.errors.challengeInvalid"],
      // a real challenge of a stronger policy is fine; one weaker than asked is not
      [await solved(CHEAP, new Date(Date.now() - 3600_000)), "tip.errors.challengeExpired"],
    ];
    for (const [proof, key] of cases) {
      expect(await refusal(submit(tip(village), proof, { address: address() }))).toEqual({ code: "VALIDATION", fields: { altcha: key } });
      expect(id(key)).toMatch(/anti-spam/);
    }
  });
});

describe("bad input", () => {
  it("answers each with a clear Indonesian message and writes nothing; the solution can be used again once corrected", async () => {
    const schemaCases: [Record<string, unknown>, string, string][] = [
      [{ consent: "" }, "consent", "warning.errors.consentRequired"],
      [{ description: "x".repeat(4001) }, "description", "validation.tooLong"],
      [{ description: "   " }, "description", "validation.required"],
      [{ villageCode: "Cemeng" }, "villageCode", "validation.villageCode"],
      [{ villageCode: "33.14.07.2003'; DROP TABLE village;--" }, "villageCode", "validation.villageCode"],
      [{ category: "SPAM" }, "category", "validation.required"],
      [{ occurredOn: "2026-02-30" }, "occurredOn", "validation.date"],
      [{ peopleInvolved: "y".repeat(2001) }, "peopleInvolved", "validation.tooLong"],
      [{ contact: "z".repeat(201) }, "contact", "validation.tooLong"],
    ];
    const base = { category: "RECRUITER", description: "Ada perekrut", occurredOn: today(), villageCode: "33.14.07.2003", consent: "on" };
    for (const [change, field, key] of schemaCases) {
      const parsed = publicTipSchema.safeParse({ ...base, ...change });
      expect(parsed.success, field).toBe(false);
      const issue = parsed.error!.issues.find((i) => i.path[0] === field)!;
      expect(issue.message, field).toBe(key);
      expect(idKeys(issue.message), key).toBe(true);
    }

    const from = address();
    const proof = await solved();
    const marker = `salah-${uniqueSuffix()}`;
    const unknown = await refusal(submit(tip("99.99.99.9999", { description: marker }), proof, { address: from }));
    expect(unknown).toEqual({ code: "VALIDATION", fields: { villageCode: "warning.errors.unknownVillage" } });
    expect(id("warning.errors.unknownVillage")).toBe("Desa dengan kode itu tidak ditemukan.");
    const tomorrow = new Date(Date.now() + 40 * 3_600_000).toISOString().slice(0, 10);
    const future = await refusal(submit(tip("33.14.07.2003", { description: marker, occurredOn: tomorrow }), proof, { address: from }));
    expect(future).toEqual({ code: "VALIDATION", fields: { occurredOn: "warning.errors.occurredInFuture" } });
    expect(id("warning.errors.occurredInFuture")).toMatch(/masa depan/);
    expect(await testDb.warningReport.count({ where: { description: { startsWith: marker } } })).toBe(0);
    // neither refusal spent the solution nor the address's allowance
    await submit(tip("33.14.07.2003", { description: marker }), proof, { address: from });
    expect(await testDb.rateLimit.findUnique({ where: { key: `tip:recent:${from}` } })).toMatchObject({ count: 1 });
  });
});

describe("the tracking page's view", () => {
  it("shows the status, the office's questions and the answers, never the people, the contact, notes or names", async () => {
    const office = await createOffice(testDb, { provinceCode: "33", workArea: [] });
    const desa = await createDesaBinaan(testDb, { officeId: office.id });
    const officer = asSessionUser(await createUser(testDb, { role: "OFFICE_OFFICER", officeId: office.id, name: `Petugas Rahasia ${uniqueSuffix()}` }));
    const secret = uniqueSuffix();
    const filed = await submit(
      tip(desa.villageCode, { description: `Isi laporan ${secret}`, peopleInvolved: `Nama Korban ${secret}`, contact: `0812-${secret}` }),
      await solved(),
      { address: address() },
    );
    const from = address();
    const first = await trackTip({ trackingCode: filed.trackingCode }, { address: from }, "id");
    expect(first).toMatchObject({ ticketCode: filed.ticketCode, status: "NEW", statusLabel: "Baru", awaitsAnswer: false });
    expect(first.steps).toHaveLength(1);

    const report = await testDb.warningReport.findUniqueOrThrow({ where: { ticketCode: filed.ticketCode } });
    let v = (await startVerification(officer, { reportId: report.id, version: report.version })).version;
    v = (await addNote(officer, { reportId: report.id, version: v, note: `Catatan internal ${secret}` })).version;
    await askReporter(officer, { reportId: report.id, version: v, question: "Kapan perekrut itu datang lagi?" });

    const asked = await trackTip({ trackingCode: filed.trackingCode.toLowerCase().replaceAll("-", " ") }, { address: from }, "id");
    expect(asked).toMatchObject({ status: "NEEDS_INFO", statusLabel: "Perlu informasi", awaitsAnswer: true });
    expect(asked.steps.map((s) => s.kind)).toEqual(["FILED", "STATUS", "QUESTION"]);
    expect(asked.steps.at(-1)!.body).toBe("Kapan perekrut itu datang lagi?");

    const answered = await answerTip({ trackingCode: filed.trackingCode, answer: `Minggu depan ${secret}-jawaban` }, { address: from }, "en");
    expect(answered).toMatchObject({ status: "IN_VERIFICATION", statusLabel: "In verification", awaitsAnswer: false });
    expect(answered.steps.at(-1)).toMatchObject({ kind: "ANSWER", body: `Minggu depan ${secret}-jawaban` });

    const everything = JSON.stringify([first, asked, answered]);
    for (const hidden of [`Nama Korban ${secret}`, `0812-${secret}`, `Catatan internal ${secret}`, `Isi laporan ${secret}`, officer.name, officer.email]) {
      expect(everything).not.toContain(hidden);
    }
    expect(await refusal(answerTip({ trackingCode: filed.trackingCode, answer: "lagi" }, { address: from }, "id"))).toEqual({
      code: "CONFLICT",
      fields: { _form: "warning.errors.noQuestion" },
    });
  });

  it("says an unknown code is unknown, and limits lookups per address", async () => {
    const from = address();
    const limits = { ...TIP_LIMITS, track: { ...TIP_LIMITS.track, max: 3, free: 3 } };
    for (const code of ["AAAA-BBBB-CCCC-DDDD", "not a code at all"]) {
      expect(await refusal(trackTip({ trackingCode: code }, { address: from }, "id", { limits }))).toEqual({
        code: "NOT_FOUND",
        fields: { trackingCode: "tip.errors.unknownCode" },
      });
    }
    expect(id("tip.errors.unknownCode")).toMatch(/tidak ditemukan/);
    await refusal(trackTip({ trackingCode: "AAAA-BBBB-CCCC-DDDE" }, { address: from }, "id", { limits }));
    expect(await refusal(trackTip({ trackingCode: "AAAA-BBBB-CCCC-DDDF" }, { address: from }, "id", { limits }))).toEqual({
      code: "RATE_LIMITED",
      fields: { _form: "tip.errors.tooManyLookups" },
    });
  });
});

describe("choosing the village", () => {
  it("finds villages by name or Kemendagri code, at most 20, with their district, regency and province", async () => {
    const byName = await searchPublicVillages("Cemeng");
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.length).toBeLessThanOrEqual(20);
    expect(byName.find((v) => v.code === "33.14.07.2003")).toMatchObject({ name: "Cemeng", regency: expect.stringMatching(/Sragen/i) });
    expect((await searchPublicVillages("33.14.07.2003"))[0]).toMatchObject({ code: "33.14.07.2003", name: "Cemeng" });
    expect(await searchPublicVillages("%%%")).toEqual([]);
    expect((await searchPublicVillages("a")).length).toBeLessThanOrEqual(20);
    expect(await findPublicVillage("3314072003")).toMatchObject({ code: "33.14.07.2003" });
    expect(await findPublicVillage("99.99.99.9999")).toBeNull();
    expect(await findPublicVillage("<script>")).toBeNull();
  });
});
