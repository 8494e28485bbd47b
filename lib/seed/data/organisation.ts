/**
 * The organisation's reference data shipped with the portal: loaded by every seed (production
 * too, `SEED_DEMO=0`), never overwriting what the national admin has since edited.
 *
 * Sources, and what they do and do not support (searched 2026-12-03):
 * - Kanwil: Peraturan Menteri Imigrasi dan Pemasyarakatan Nomor 3 Tahun 2024 tentang Pola
 *   Klasifikasi Kantor Wilayah Direktorat Jenderal Imigrasi (pasal.id/peraturan/permen/
 *   permenimipas-no-3-tahun-2024) sets one Kanwil Ditjen Imigrasi per province and says (Pasal 5)
 *   that a Kanwil for a new province is set up only on a proposal of the Director General. The
 *   Kanwils are the former immigration divisions of the Kanwil Kemenkumham (DOMAIN.md), which
 *   existed in the 33 provinces listed below. No official list of the new Kanwils was found:
 *   Kalimantan Utara (65) and the provinces formed in 2022 (93 Papua Selatan, 94 Papua Tengah,
 *   95 Papua Pegunungan, 96 Papua Barat Daya) are left out because no source shows a Kanwil
 *   there; the national admin adds one by form (/portal/kantor/kanwil/baru) when it exists.
 *   Names follow the post-2024 form used in the news reports ("Kantor Wilayah Direktorat Jenderal
 *   Imigrasi <province>"); addresses and heads are not shipped (no source).
 * - Kanim: only offices whose work area a source names. Ditjen Imigrasi counts 151 offices
 *   (133 before 18 new ones, KemenPANRB letter B/1621/M.KT.01/2025 of 4 November 2025; reported
 *   by hallonews.com and toprilis.com, 11 November 2025) but no list with work areas was found.
 *   The rest are imported by the national admin (/portal/kantor/impor), from the directorate's
 *   own list.
 */

export type KanwilSeed = { provinceCode: string; name: string };
export type OfficeSeed = {
  slug: string;
  name: string;
  officeClass: "KELAS_I_TPI" | "KELAS_I_NON_TPI" | "KELAS_II_TPI" | "KELAS_II_NON_TPI";
  provinceCode: string;
  /** Kemendagri regency codes of the work area. */
  workArea: string[];
  source: string;
};

const kanwil = (provinceCode: string, province: string): KanwilSeed => ({
  provinceCode,
  name: `Kantor Wilayah Direktorat Jenderal Imigrasi ${province}`,
});

export const KANWILS: readonly KanwilSeed[] = [
  kanwil("11", "Aceh"),
  kanwil("12", "Sumatera Utara"),
  kanwil("13", "Sumatera Barat"),
  kanwil("14", "Riau"),
  kanwil("15", "Jambi"),
  kanwil("16", "Sumatera Selatan"),
  kanwil("17", "Bengkulu"),
  kanwil("18", "Lampung"),
  kanwil("19", "Kepulauan Bangka Belitung"),
  kanwil("21", "Kepulauan Riau"),
  kanwil("31", "DKI Jakarta"),
  kanwil("32", "Jawa Barat"),
  kanwil("33", "Jawa Tengah"),
  kanwil("34", "DI Yogyakarta"),
  kanwil("35", "Jawa Timur"),
  kanwil("36", "Banten"),
  kanwil("51", "Bali"),
  kanwil("52", "Nusa Tenggara Barat"),
  kanwil("53", "Nusa Tenggara Timur"),
  kanwil("61", "Kalimantan Barat"),
  kanwil("62", "Kalimantan Tengah"),
  kanwil("63", "Kalimantan Selatan"),
  kanwil("64", "Kalimantan Timur"),
  kanwil("71", "Sulawesi Utara"),
  kanwil("72", "Sulawesi Tengah"),
  kanwil("73", "Sulawesi Selatan"),
  kanwil("74", "Sulawesi Tenggara"),
  kanwil("75", "Gorontalo"),
  kanwil("76", "Sulawesi Barat"),
  kanwil("81", "Maluku"),
  kanwil("82", "Maluku Utara"),
  kanwil("91", "Papua"),
  kanwil("92", "Papua Barat"),
];

export const OFFICES: readonly OfficeSeed[] = [
  {
    slug: "kanim-tanjung-balai-karimun",
    name: "Kantor Imigrasi Kelas II TPI Tanjung Balai Karimun",
    officeClass: "KELAS_II_TPI",
    provinceCode: "21",
    // "Wilayah kerja Kantor Imigrasi Kelas II Tanjung Balai Karimun meliputi seluruh wilayah
    // Kabupaten Karimun", with one TPI in Tanjung Balai Karimun.
    workArea: ["21.02"],
    source: "https://123dok.com/article/profil-kantor-imigrasi-kelas-ii-tanjung-balai.zkw48m7e",
  },
];
