import { describe, expect, it } from "vitest";
import { formatDate, formatDateTimeInZone, zoneAbbreviation } from "@/lib/dates";

describe("dates", () => {
  const instant = new Date("2024-02-27T02:00:00Z");

  it("shows an instant in the venue's zone with its Indonesian abbreviation", () => {
    expect(formatDateTimeInZone(instant, "Asia/Jakarta", "id")).toMatch(/27 Februari 2024.*09[.:]00 WIB$/);
    expect(formatDateTimeInZone(instant, "Asia/Makassar", "id")).toMatch(/10[.:]00 WITA$/);
    expect(formatDateTimeInZone(instant, "Asia/Jayapura", "en")).toMatch(/27 February 2024.*11:00 WIT$/);
  });

  it("keeps a calendar date on its day whatever the server's zone", () => {
    expect(formatDate(new Date("2023-09-12T00:00:00Z"), "id")).toBe("12 September 2023");
  });

  it("falls back to the zone name when it has no abbreviation", () => {
    expect(zoneAbbreviation("Europe/Amsterdam")).toBe("Europe/Amsterdam");
  });
});
