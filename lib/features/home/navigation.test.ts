import { describe, expect, it } from "vitest";
import { navigationFor } from "@/lib/features/home/navigation";

const hrefs = (role: Parameters<typeof navigationFor>[0]["role"], officeId: string | null = null, desaBinaanId: string | null = null) =>
  navigationFor({ role, officeId, desaBinaanId }).map((i) => i.href);

describe("navigationFor", () => {
  it("gives overseers the office list, admins the accounts page and the audit log", () => {
    expect(hrefs("NATIONAL_ADMIN")).toEqual(["/portal", "/portal/desa", "/portal/kantor", "/portal/pengguna", "/portal/audit"]);
    expect(hrefs("REGIONAL_OVERSEER")).toEqual(["/portal", "/portal/desa", "/portal/kantor", "/portal/audit"]);
    expect(hrefs("OFFICE_ADMIN", "o1")).toEqual(["/portal", "/portal/desa", "/portal/kantor/o1", "/portal/pengguna", "/portal/audit"]);
    expect(hrefs("OFFICE_OFFICER", "o1")).toEqual(["/portal", "/portal/desa", "/portal/kantor/o1"]);
  });

  it("gives a village account its own village page instead of the list", () => {
    expect(hrefs("VILLAGE", "o1", "d1")).toEqual(["/portal", "/portal/desa/d1"]);
    expect(hrefs("VILLAGE")).toEqual(["/portal"]);
  });
});
