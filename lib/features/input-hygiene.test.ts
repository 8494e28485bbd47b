import { beforeAll, describe, expect, it } from "vitest";
import { createContactSchema } from "@/lib/features/contacts/schemas";
import { handleCheckIn } from "@/lib/features/events/check-in";
import { attendeeSchema, checkInSchema, eventFormSchema, eventReportSchema, postponeEventSchema } from "@/lib/features/events/schemas";
import { createMaterialSchema } from "@/lib/features/materials/schemas";
import { updateOfficeProfileSchema } from "@/lib/features/offices/schemas";
import { createAccountSchema } from "@/lib/features/users/schemas";
import { changeStageSchema, registerVillageSchema } from "@/lib/features/villages/schemas";
import { createEvent, uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";
import type { z } from "zod";

const id = "00000000-0000-4000-8000-000000000001";
const event = {
  type: "SOSIALISASI", title: "Sosialisasi", venueName: "Balai Desa", startsAtLocal: "2026-12-01T09:00",
  endsAtLocal: "2026-12-01T11:00", desaBinaanIds: [], speakers: [], partnerIds: [],
};

/** A schema, a valid input, and its text fields. */
const cases: [string, z.ZodType, Record<string, unknown>, string[]][] = [
  ["checkIn", checkInSchema, { name: "Budi", category: "WARGA", origin: "Desa", consent: "on" }, ["name", "origin"]],
  ["attendee", attendeeSchema, { eventId: id, name: "Budi", category: "WARGA", position: "Kader", institutionName: "Desa" }, ["name", "position", "institutionName"]],
  ["event", eventFormSchema, { ...event, theme: "TPPO", description: "Baris satu" }, ["title", "venueName", "theme", "description"]],
  ["report", eventReportSchema, { eventId: id, reportNotes: "Catatan", followUps: "Tindak" }, ["reportNotes", "followUps"]],
  ["contact", createContactSchema, { desaBinaanId: id, activeFrom: "2025-01-02", name: "Siti", role: "KADER", position: "Kader", notes: "n" }, ["name", "position", "notes"]],
  ["material", createMaterialSchema, { title: "Judul", slug: "judul-materi", summary: "Ringkas", category: "TPPO", language: "ID", body: "Isi" }, ["title", "summary", "body"]],
  ["office", updateOfficeProfileSchema, { officeId: id, headName: "Kepala", address: "Jalan" }, ["headName", "address"]],
  ["account", createAccountSchema, { name: "Nama", email: "a@b.id", role: "OFFICE_OFFICER", officeId: id, position: "Staf", password: "rahasia-panjang" }, ["name", "position"]],
  ["village", registerVillageSchema, { villageCode: "33.14.07.2003", selectionReason: "Alasan" }, ["selectionReason"]],
  ["stage", changeStageSchema, { id, toStage: "DECLARED", effectiveOn: "2025-01-02", note: "Catatan", decreeNumber: "SK 1" }, ["note", "decreeNumber"]],
];

// Issue 14, item 7: a NUL in a name answered 500 (PostgreSQL refuses it), in five actions too.
describe("control characters never get past a schema", () => {
  for (const [name, schema, valid, fields] of cases) {
    it(`${name}: a valid input parses`, () => {
      expect(schema.safeParse(valid).error?.issues).toBeUndefined();
    });
    for (const field of fields) {
      it(`${name}.${field}: NUL, escape and bell characters are stripped or refused`, () => {
        const result = schema.safeParse({ ...valid, [field]: `A\u0000B\u001bC\u0007D` });
        if (result.success) {
           
          expect(String((result.data as Record<string, unknown>)[field])).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        } else {
          expect(result.error.issues[0]?.message).toMatch(/^validation\./);
        }
      });
    }
  }
});

describe("the public check-in with a NUL in the name", () => {
  let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
  beforeAll(async () => {
    w = await createTwoOfficeWorld();
  });
  it("records the person, not a server error", async () => {
    const open = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const reply = await handleCheckIn(open.checkInCode, { name: "Bu\u0000di", category: "WARGA", origin: "De\u0000sa", consent: "on" }, { address: `192.0.2.9-${uniqueSuffix()}` });
    expect(reply.status).toBe("created");
  });
});

// Issue 14, item 8: impossible dates were stored (2026-13-45T99:98 became 2027-02-17).
describe("dates are read strictly and within the portal's years", () => {
  it.each([
    ["2026-13-45T99:98", "validation.dateTime"],
    ["2026-02-30T09:00", "validation.dateTime"],
    ["2026-12-01T24:00", "validation.dateTime"],
    ["0000-01-01T09:00", "validation.dateRange"],
    ["9999-12-31T09:00", "validation.dateRange"],
    ["2026-12-01 09:00", "validation.dateTime"],
  ])("refuses the session start %j with %s", (value, message) => {
    const result = eventFormSchema.safeParse({ ...event, startsAtLocal: value, endsAtLocal: "2026-12-01T11:00" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === "startsAtLocal")?.message).toBe(message);
  });

  it("refuses an impossible postponement", () => {
    const result = postponeEventSchema.safeParse({ eventId: id, startsAtLocal: "9999-12-31T09:00", endsAtLocal: "9999-12-31T10:00", reason: "Hujan" });
    expect(result.success).toBe(false);
  });

  it.each(["2025-02-29", "0000-01-01", "9999-12-31", "2025-1-2"])("refuses the day %j", (day) => {
    expect(changeStageSchema.safeParse({ id, toStage: "DECLARED", effectiveOn: day }).success).toBe(false);
    expect(createContactSchema.safeParse({ desaBinaanId: id, activeFrom: day, name: "Siti", role: "KADER" }).success).toBe(false);
  });
});

describe("an imported file with control characters", () => {
  it("keeps the names and drops the NULs", async () => {
    const { parseAttendeeFile } = await import("@/lib/features/events/import");
    const result = await parseAttendeeFile(new TextEncoder().encode("nama,desa_instansi\nBu\u0000di,De\u0000sa\n"), "a.csv");
    expect(result.ok && result.rows.map((r) => [r.name, r.institutionName])).toEqual([["Bu di", "De sa"]]);
  });
});
