import { describe, expect, it } from "vitest";
import { navigationFor } from "@/lib/features/home/navigation";

const hrefs = (role: Parameters<typeof navigationFor>[0]["role"], officeId: string | null = null) =>
  navigationFor({ role, officeId }).map((i) => i.href);

describe("navigationFor", () => {
  it("gives staff the dashboard and reports, overseers the office list and only admins the accounts page", () => {
    const oversight = ["/portal/dasbor", "/portal/laporan"];
    expect(hrefs("NATIONAL_ADMIN")).toEqual(["/portal", ...oversight, "/portal/kantor", "/portal/pengguna"]);
    expect(hrefs("REGIONAL_OVERSEER")).toEqual(["/portal", ...oversight, "/portal/kantor"]);
    expect(hrefs("OFFICE_ADMIN", "o1")).toEqual(["/portal", ...oversight, "/portal/kantor/o1", "/portal/pengguna"]);
    expect(hrefs("OFFICE_OFFICER", "o1")).toEqual(["/portal", ...oversight, "/portal/kantor/o1"]);
    // village accounts have no dashboard
    expect(hrefs("VILLAGE")).toEqual(["/portal"]);
  });
});
