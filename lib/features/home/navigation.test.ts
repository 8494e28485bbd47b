import { describe, expect, it } from "vitest";
import { navigationFor } from "@/lib/features/home/navigation";

const hrefs = (role: Parameters<typeof navigationFor>[0]["role"], officeId: string | null = null, desaBinaanId: string | null = null) =>
  navigationFor({ role, officeId, desaBinaanId }).map((i) => i.href);

describe("navigationFor", () => {
  const oversight = ["/portal/dasbor", "/portal/laporan"];

  it("gives each role exactly the pages its permissions open, in one order", () => {
    expect(hrefs("NATIONAL_ADMIN")).toEqual(["/portal", ...oversight, "/portal/desa", "/portal/kantor", "/portal/kegiatan", "/portal/deteksi", "/portal/materi", "/portal/kuis", "/portal/agensi", "/portal/pengguna", "/portal/audit"]);
    expect(hrefs("REGIONAL_OVERSEER")).toEqual(["/portal", ...oversight, "/portal/desa", "/portal/kantor", "/portal/kegiatan", "/portal/deteksi", "/portal/audit"]);
    expect(hrefs("OFFICE_ADMIN", "o1")).toEqual(["/portal", ...oversight, "/portal/desa", "/portal/kantor/o1", "/portal/kegiatan", "/portal/deteksi", "/portal/materi", "/portal/kuis", "/portal/pengguna", "/portal/audit"]);
    expect(hrefs("OFFICE_OFFICER", "o1")).toEqual(["/portal", ...oversight, "/portal/desa", "/portal/kantor/o1", "/portal/kegiatan", "/portal/deteksi", "/portal/materi", "/portal/kuis"]);
  });

  it("gives a village account its own village page, sessions and its early-warning reports, and no dashboard", () => {
    expect(hrefs("VILLAGE", "o1", "d1")).toEqual(["/portal", "/portal/desa/d1", "/portal/kegiatan", "/portal/deteksi"]);
    expect(hrefs("VILLAGE")).toEqual(["/portal", "/portal/kegiatan", "/portal/deteksi"]);
  });
});
