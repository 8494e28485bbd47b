import { describe, expect, it } from "vitest";
import { navigationFor } from "@/lib/features/home/navigation";

const hrefs = (role: Parameters<typeof navigationFor>[0]["role"], officeId: string | null = null) =>
  navigationFor({ role, officeId }).map((i) => i.href);

describe("navigationFor", () => {
  it("gives overseers the office list, everyone the sessions, staff the material, and only admins the accounts page", () => {
    expect(hrefs("NATIONAL_ADMIN")).toEqual(["/portal", "/portal/kantor", "/portal/kegiatan", "/portal/materi", "/portal/pengguna"]);
    expect(hrefs("REGIONAL_OVERSEER")).toEqual(["/portal", "/portal/kantor", "/portal/kegiatan"]);
    expect(hrefs("OFFICE_ADMIN", "o1")).toEqual(["/portal", "/portal/kantor/o1", "/portal/kegiatan", "/portal/materi", "/portal/pengguna"]);
    expect(hrefs("OFFICE_OFFICER", "o1")).toEqual(["/portal", "/portal/kantor/o1", "/portal/kegiatan", "/portal/materi"]);
    expect(hrefs("VILLAGE")).toEqual(["/portal", "/portal/kegiatan"]);
  });
});
