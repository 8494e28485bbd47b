import { beforeAll, describe, expect, it } from "vitest";
import type { PermissionKey } from "@/lib/auth/permissions";
import { createContact, createEvent, day } from "@/lib/factories";
import { getSessionMessages, getWhatsappTemplates } from "@/lib/features/whatsapp/queries";
import { resetWhatsappTemplate, saveWhatsappTemplate } from "@/lib/features/whatsapp/mutations";
import { resetWhatsappTemplateSchema, saveWhatsappTemplateSchema } from "@/lib/features/whatsapp/schemas";
import type { SessionUser } from "@/lib/server/scope";
import { createTwoOfficeWorld, expectedOutcome, matrixActors, outcome, testDb, type Side } from "@/tests/support/world";

/**
 * Who may word an office's WhatsApp messages, derived from the permission map (update:template),
 * and what a session's messages carry: the liaisons reachable on WhatsApp, nobody else.
 */
let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const officeOf = (side: Side) => (side === "own" ? w.officeA : w.officeB);
const BASE = "https://portal.test";

const cases: { name: string; key: PermissionKey; run: (actor: SessionUser, side: Side) => Promise<unknown> }[] = [
  {
    name: "save a template",
    key: "update:template",
    run: (a, side) =>
      saveWhatsappTemplate(a, saveWhatsappTemplateSchema.parse({ officeId: officeOf(side).id, kind: "REMINDER", language: "ID", body: `Pengingat {judul} oleh ${a.role}` })),
  },
  {
    name: "reset a template",
    key: "update:template",
    run: (a, side) => resetWhatsappTemplate(a, resetWhatsappTemplateSchema.parse({ officeId: officeOf(side).id, kind: "REMINDER", language: "EN" })),
  },
  { name: "open the template page", key: "update:template", run: (a, side) => getWhatsappTemplates(a, officeOf(side).id, "ID") },
];

describe("WhatsApp template authorization matrix", () => {
  for (const c of cases) {
    for (const role of ["national", "regional", "officeAdmin", "officer", "village"] as const) {
      for (const side of ["own", "other"] as const) {
        it(`${c.name}: ${role}, ${side} side`, async () => {
          const actor = matrixActors(w)[role];
          expect(await outcome(c.run(actor, side))).toBe(expectedOutcome(actor, c.key, side));
        });
      }
    }
  }

  it("leaves another office's texts untouched and an audit entry for its own", async () => {
    const body = "Undangan khusus {judul} untuk {desa}";
    await saveWhatsappTemplate(w.officerA, saveWhatsappTemplateSchema.parse({ officeId: w.officeA.id, kind: "INVITATION", language: "ID", body }));
    expect((await getWhatsappTemplates(w.adminA, w.officeA.id, "ID")).templates.INVITATION).toMatchObject({ body, custom: true });
    expect((await getWhatsappTemplates(w.adminB, w.officeB.id, "ID")).templates.INVITATION.custom).toBe(false);
    expect(await testDb.auditLog.count({ where: { entityType: "whatsapp_template", officeId: w.officeA.id, action: "whatsapp_template.save" } })).toBeGreaterThan(0);

    await resetWhatsappTemplate(w.adminA, resetWhatsappTemplateSchema.parse({ officeId: w.officeA.id, kind: "INVITATION", language: "ID" }));
    expect((await getWhatsappTemplates(w.adminA, w.officeA.id, "ID")).templates.INVITATION.custom).toBe(false);
  });
});

describe("a session's WhatsApp messages", () => {
  it("go to each active liaison with a WhatsApp number and consent, with nothing about attendees", async () => {
    const village = await testDb.desaBinaan.findUniqueOrThrow({ where: { id: w.villageA.id }, include: { village: true } });
    const reachable = await createContact(testDb, { desaBinaanId: village.id, name: "Narahubung Bisa WA", phone: "6281200009901", hasWhatsapp: true });
    await createContact(testDb, { desaBinaanId: village.id, name: "Narahubung Tanpa WA", phone: "6281200009902", hasWhatsapp: false });
    await createContact(testDb, { desaBinaanId: village.id, name: "Narahubung Tanpa Persetujuan", phone: "6281200009903", consentAt: null });
    await createContact(testDb, { desaBinaanId: village.id, name: "Narahubung Lama", phone: "6281200009904", activeFrom: day("2024-01-01"), activeUntil: day("2024-12-31") });
    await createContact(testDb, { desaBinaanId: w.villageB.id, name: "Narahubung Kantor Lain", phone: "6281200009905" });

    const startsAt = new Date(Date.now() + 10 * 86_400_000);
    const event = await createEvent(testDb, {
      officeId: w.officeA.id,
      title: "Sosialisasi Pesan WA",
      venueName: "Balai Desa Uji",
      timeZone: "Asia/Jakarta",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      desaBinaanIds: [village.id],
    });
    await testDb.attendee.create({
      data: { eventId: event.id, name: "Peserta Rahasia", phone: "6281299999999", category: "WARGA", source: "STAFF", dedupeKey: "peserta rahasia|6281299999999", consentAt: new Date() },
    });

    const before = await getSessionMessages(w.officerA, event.id, { language: "ID", baseUrl: BASE });
    expect(before.kinds).toEqual(["INVITATION"]);
    const [invitation] = before.messages;
    expect(invitation!.recipients.map((r) => r.name)).toEqual(["Narahubung Bisa WA"]);
    expect(invitation!.recipients[0]!.link.startsWith(`https://wa.me/${reachable.phone}?text=`)).toBe(true);
    expect(before.withoutWhatsapp).toBe(2);
    expect(invitation!.groupText).toContain(`Desa ${village.village.name}`);
    expect(invitation!.groupText).toContain("Sosialisasi Pesan WA");
    expect(invitation!.groupText).toContain("WIB");
    expect(invitation!.groupText).toContain(`${BASE}/hadir/${event.checkInCode}`);

    const after = await getSessionMessages(w.adminA, event.id, { language: "EN", baseUrl: BASE, now: new Date(startsAt.getTime() + 4 * 3_600_000) });
    expect(after.kinds).toEqual(["FOLLOW_UP"]);
    expect(after.messages[0]!.groupText).toContain(`${BASE}/en/materi`);

    for (const m of [...before.messages, ...after.messages]) {
      for (const text of [m.groupText, ...m.recipients.map((r) => r.text)]) {
        expect(text).not.toContain("Peserta Rahasia");
        expect(text).not.toContain("6281299999999");
      }
    }

    // Who does not send them does not get them: another office, an overseer, a village account.
    expect(await outcome(getSessionMessages(w.adminB, event.id, { language: "ID", baseUrl: BASE }))).toBe("NOT_FOUND");
    expect(await outcome(getSessionMessages(w.regionalA, event.id, { language: "ID", baseUrl: BASE }))).toBe("FORBIDDEN");
    expect(await outcome(getSessionMessages(w.villageUserA, event.id, { language: "ID", baseUrl: BASE }))).toBe("FORBIDDEN");
  });

  it("use the office's own wording, and the built-in one when a stored text no longer parses", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, title: "Sosialisasi Teks Kantor", desaBinaanIds: [w.villageA.id] });
    await saveWhatsappTemplate(w.adminA, saveWhatsappTemplateSchema.parse({ officeId: w.officeA.id, kind: "INVITATION", language: "EN", body: "Come to {title} at {venue}, {time} {zone}." }));
    const own = await getSessionMessages(w.adminA, event.id, { language: "EN", baseUrl: BASE });
    expect(own.messages[0]!.groupText).toMatch(/^Come to Sosialisasi Teks Kantor at Balai Desa, \d\d:\d\d–\d\d:\d\d WIB\.$/);

    await testDb.whatsappTemplate.update({ where: { officeId_kind_language: { officeId: w.officeA.id, kind: "INVITATION", language: "EN" } }, data: { body: "Hello {nama}" } });
    const fallback = await getSessionMessages(w.adminA, event.id, { language: "EN", baseUrl: BASE });
    expect(fallback.messages[0]!.groupText).toContain("invites you and the villagers to *Sosialisasi Teks Kantor*");
  });
});
