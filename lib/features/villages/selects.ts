import type { Prisma } from "@/lib/generated/prisma/client";

/** What tells a village from its namesakes: the names of its district, regency and province. */
export const placeNames = {
  district: { select: { name: true } },
  regency: { select: { name: true } },
  province: { select: { name: true } },
} as const satisfies Prisma.VillageSelect;
