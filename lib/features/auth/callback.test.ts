import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/features/auth/callback";

// Issue 14, item 6: /masuk?callbackUrl=/%5C127.0.0.1:59999/pwned sent the browser off-site.
describe("safeCallbackPath", () => {
  it.each([
    "/\\127.0.0.1:59999/pwned",
    "/\\/evil.example",
    "\\\\evil.example",
    "//evil.example/x",
    "/\t/evil.example",
    "/%5C127.0.0.1",
    "https://evil.example/portal",
    "javascript:alert(1)",
    "http:/evil.example",
    "/\u0000/evil.example",
    "portal",
    "",
  ])("refuses %j", (value) => {
    const result = safeCallbackPath(value);
    expect(result).toBe("/portal");
    // and whatever comes back stays on this site once a browser resolves it
    expect(new URL(result, "https://portal.example").origin).toBe("https://portal.example");
  });

  it.each([
    ["/portal/kegiatan/abc?tab=hadir", "/portal/kegiatan/abc?tab=hadir"],
    ["/portal/materi#baru", "/portal/materi#baru"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("takes the first of repeated parameters", () => {
    expect(safeCallbackPath(["/portal/desa", "//evil.example"])).toBe("/portal/desa");
  });
});
