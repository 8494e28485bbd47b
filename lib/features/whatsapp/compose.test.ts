import { describe, expect, it } from "vitest";
import { parseLocalDateTime } from "@/lib/features/events/local-time";
import { composeMessage, messageKinds, templateValues, type MessageSession } from "@/lib/features/whatsapp/compose";
import { DEFAULT_TEMPLATES } from "@/lib/features/whatsapp/template";
import { whatsappChatLink } from "@/lib/phone";

const session = (timeZone: string, start = "2026-12-10T09:00", end = "2026-12-10T12:00"): MessageSession => ({
  title: "Sosialisasi Pencegahan TPPO",
  officeName: "Kantor Imigrasi Kelas I TPI Surakarta",
  venueName: "Balai Desa Cemeng",
  venueAddress: "Jl. Raya Cemeng 1",
  timeZone,
  startsAt: parseLocalDateTime(start, timeZone),
  endsAt: parseLocalDateTime(end, timeZone),
  villageNames: ["Cemeng", "Sambirejo"],
  checkInLink: "https://portal.test/hadir/ABC123",
  materialLinks: ["https://portal.test/materi"],
});

describe("which messages fit a session", () => {
  const s = { status: "SCHEDULED" as const, startsAt: parseLocalDateTime("2026-12-10T09:00", "Asia/Makassar"), endsAt: parseLocalDateTime("2026-12-10T12:00", "Asia/Makassar"), timeZone: "Asia/Makassar" };
  const at = (local: string) => parseLocalDateTime(local, "Asia/Makassar");

  it("offers the invitation before, the reminder from the local day before, the follow-up after", () => {
    expect(messageKinds(s, at("2026-12-01T10:00")).kinds).toEqual(["INVITATION"]);
    expect(messageKinds(s, at("2026-12-08T23:59")).kinds).toEqual(["INVITATION"]);
    expect(messageKinds(s, at("2026-12-09T00:00")).kinds).toEqual(["INVITATION", "REMINDER"]);
    expect(messageKinds(s, at("2026-12-10T08:59")).kinds).toEqual(["INVITATION", "REMINDER"]);
    expect(messageKinds(s, at("2026-12-10T10:00")).kinds).toEqual([]);
    expect(messageKinds(s, at("2026-12-10T12:00")).kinds).toEqual(["FOLLOW_UP"]);
    expect(messageKinds(s, at("2026-12-01T10:00")).reminderFrom.toISOString()).toBe("2026-12-08T16:00:00.000Z"); // 9 Dec 00:00 WITA
  });

  it("offers the follow-up as soon as a session is marked held, and nothing for a cancelled one", () => {
    expect(messageKinds({ ...s, status: "HELD" }, at("2026-12-10T10:00")).kinds).toEqual(["FOLLOW_UP"]);
    expect(messageKinds({ ...s, status: "CANCELLED" }, at("2026-12-09T10:00")).kinds).toEqual([]);
    expect(messageKinds({ ...s, status: "CANCELLED" }, at("2026-12-11T10:00")).kinds).toEqual([]);
  });
});

describe("the values a message carries", () => {
  it("gives the venue's local date and time with WIB, WITA or WIT", () => {
    expect(templateValues(session("Asia/Jakarta"), "ID", ["Cemeng"])).toMatchObject({ tanggal: "Kamis, 10 Desember 2026", jam: "09.00–12.00", zona: "WIB" });
    expect(templateValues(session("Asia/Makassar"), "ID", ["Cemeng"])).toMatchObject({ jam: "09.00–12.00", zona: "WITA" });
    expect(templateValues(session("Asia/Jayapura"), "EN", ["Cemeng"])).toMatchObject({ tanggal: "Thursday, 10 December 2026", jam: "09:00–12:00", zona: "WIT" });
    // a session early in the morning in Papua is on the local day, not the UTC one
    expect(templateValues(session("Asia/Jayapura", "2026-12-10T06:30", "2026-12-10T08:00"), "ID", ["Cemeng"]).tanggal).toBe("Kamis, 10 Desember 2026");
  });

  it("names the liaison's village, or all villages in the group text", () => {
    expect(templateValues(session("Asia/Jakarta"), "ID", ["Cemeng", "Sambirejo"]).desa).toBe("Cemeng dan Sambirejo");
    expect(templateValues(session("Asia/Jakarta"), "EN", ["Cemeng", "Sambirejo"]).desa).toBe("Cemeng and Sambirejo");
    expect(templateValues(session("Asia/Jakarta"), "ID", ["Cemeng"]).tempat).toBe("Balai Desa Cemeng, Jl. Raya Cemeng 1");
  });
});

describe("a composed message", () => {
  const recipients = [
    { id: "a", name: "Sri Wahyuni", villageName: "Cemeng", phone: "6281200000101" },
    { id: "b", name: "Puji Lestari", villageName: "Sambirejo", phone: "6281200000102" },
  ];

  it("is one wa.me link per liaison with their village, and one group text naming every village", () => {
    const m = composeMessage({ kind: "INVITATION", body: DEFAULT_TEMPLATES.ID.INVITATION, language: "ID", session: session("Asia/Jakarta"), recipients });
    expect(m.groupText).toContain("Yth. Bapak/Ibu narahubung Desa Cemeng dan Sambirejo,");
    expect(m.groupText).toContain("*Sosialisasi Pencegahan TPPO* pada Kamis, 10 Desember 2026, pukul 09.00–12.00 WIB, di Balai Desa Cemeng, Jl. Raya Cemeng 1.");
    expect(m.groupText).toContain("Daftar hadir: https://portal.test/hadir/ABC123");
    expect(m.groupLink).toBe(`https://wa.me/?text=${encodeURIComponent(m.groupText)}`);
    const [sri, puji] = m.recipients;
    expect(sri!.link.startsWith("https://wa.me/6281200000101?text=")).toBe(true);
    expect(decodeURIComponent(sri!.link.split("?text=")[1]!)).toBe(sri!.text);
    expect(sri!.text).toContain("narahubung Desa Cemeng,");
    expect(puji!.text).toContain("narahubung Desa Sambirejo,");
  });

  it("carries the material link in the follow-up", () => {
    const m = composeMessage({ kind: "FOLLOW_UP", body: DEFAULT_TEMPLATES.EN.FOLLOW_UP, language: "EN", session: session("Asia/Jakarta"), recipients: [] });
    expect(m.groupText).toContain("The material is available at: https://portal.test/materi");
  });
});

describe("wa.me links", () => {
  it("percent-encode the text: spaces as %20, line breaks, asterisks and ampersands kept intact", () => {
    const link = whatsappChatLink("6281234567890", "Halo *semua* & selamat\npagi");
    expect(link).toBe("https://wa.me/6281234567890?text=Halo%20*semua*%20%26%20selamat%0Apagi");
    expect(() => whatsappChatLink("0812 abc", "x")).toThrow();
  });
});
