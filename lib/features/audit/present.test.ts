import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { auditAction, auditField, auditValue } from "@/lib/features/audit/present";
import { loadMessages } from "@/lib/i18n/catalogue";

describe("audit entries as a reader sees them", async () => {
  const t = createTranslator({ locale: "id", messages: await loadMessages("id") }) as unknown as Parameters<typeof auditAction>[1];

  it("names every action, field and enum value in words, and dates in the reader's language", () => {
    expect(auditAction("event.held", t)).toBe("Kegiatan ditandai terlaksana");
    expect(auditField("status", t)).toBe("Status");
    expect(auditValue("event", "status", "SCHEDULED", t, "id")).toBe("Terjadwal");
    expect(auditValue("event", "status", "HELD", t, "id")).not.toBe("HELD");
    expect(auditValue("desa_binaan", "stage", "SOCIALISED", t, "id")).toBe("Sosialisasi");
    const instant = auditValue("event", "heldAt", "2026-12-03T02:15:00.000Z", t, "id");
    expect(instant).not.toMatch(/T\d\d:|Z$/);
    expect(instant).toContain("Desember 2026");
    expect(auditValue("desa_binaan", "effectiveOn", "2024-02-27", t, "id")).toBe("27 Februari 2024");
    expect(auditValue("user", "active", false, t, "id")).toBe("tidak");
    expect(auditValue("event", "reason", null, t, "id")).toBe("–");
  });
});
