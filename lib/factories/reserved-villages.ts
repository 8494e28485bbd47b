/**
 * The villages the demo seed adopts. They live here, not in lib/seed/demo.ts, so that the
 * factories' random village pick can avoid them without importing the seed: a test that grabs
 * Desa Cemeng before the demo seed runs would hand it to the wrong office.
 */
export const DEMO_VILLAGES = {
  cemeng: "33.14.07.2003", // Desa Cemeng, Kec. Sambungmacan, Kab. Sragen
  tanjungHarapan: "62.02.17.2015", // Desa Tanjung Harapan, Kec. Telaga Antang, Kab. Kotawaringin Timur
  // Which Tanjung Raja village joined KP2MI's Desa Migran Emas is not reported: a demo choice.
  tanjungRajaMigranEmas: "16.10.03.2007", // Desa Tanjung Temiang
  // The KP2MI report names no village in Ogan Komering Ilir: Desa Jejawi is a demo choice.
  okiVillage: "16.02.17.2006", // Desa Jejawi, Kec. Jejawi
  // The Jakarta Utara report names no kelurahan: Kalibaru (Cilincing) is a demo choice.
  jakartaUtaraKelurahan: "31.72.04.1004",
  // Kanim Mataram is not in the reports; it gives the demo an office and a session in WITA.
  mataramVillage: "52.03.14.2003", // Desa Wanasaba, Kab. Lombok Timur
} as const;

/** Every desa of these districts is adopted by the demo seed. */
export const DEMO_DISTRICTS = {
  tanjungRaja: "16.10.03", // Kec. Tanjung Raja, Kab. Ogan Ilir
} as const;
