import "server-only";
import { getTranslations } from "next-intl/server";
import { OFFICE_CLASSES } from "@/lib/features/offices/schemas";
import { getOfficeFormChoices } from "@/lib/features/offices/queries";
import type { SessionUser } from "@/lib/server/scope";

/** Today in WIB, the default day a change takes effect. */
export const todayWib = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The office forms' choices with the class labels translated on the server. */
export async function officeChoices(user: SessionUser) {
  const [{ kanwils, provinces }, t] = await Promise.all([getOfficeFormChoices(user), getTranslations()]);
  return { kanwils, provinces, classes: OFFICE_CLASSES.map((value) => ({ value, label: t(`officeClass.${value}`) })) };
}
