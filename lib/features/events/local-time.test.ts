import { describe, expect, it } from "vitest";
import { localDay, parseLocalDateTime, toLocalInput } from "@/lib/features/events/local-time";
import { attendeeDedupeKey } from "@/lib/features/events/dedupe";

describe("venue-local times", () => {
  it("reads the same wall-clock time as three different instants in WIB, WITA and WIT", () => {
    expect(parseLocalDateTime("2026-12-01T09:00", "Asia/Jakarta").toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(parseLocalDateTime("2026-12-01T09:00", "Asia/Makassar").toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(parseLocalDateTime("2026-12-01T09:00", "Asia/Jayapura").toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("round-trips to the form value and takes the local calendar day, not the UTC one", () => {
    const early = parseLocalDateTime("2026-12-01T06:30", "Asia/Jayapura"); // 30 Nov 21:30 UTC
    expect(toLocalInput(early, "Asia/Jayapura")).toBe("2026-12-01T06:30");
    expect(localDay(early, "Asia/Jayapura").toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});

describe("attendeeDedupeKey", () => {
  it("folds case and spaces, and keys by phone when there is one, else by origin", () => {
    expect(attendeeDedupeKey({ name: "  Rudi   HARTONO ", phone: "6281234567890" })).toBe("rudi hartono|6281234567890");
    expect(attendeeDedupeKey({ name: "Siti", origin: "Desa Cemeng" })).toBe(attendeeDedupeKey({ name: "siti ", origin: "desa  cemeng" }));
    expect(attendeeDedupeKey({ name: "Siti", origin: "Desa A" })).not.toBe(attendeeDedupeKey({ name: "Siti", origin: "Desa B" }));
  });
});
