import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";

export type NavItem = { href: string; labelKey: string };

/** The portal menu for a role: only what the permission map lets that role open. */
export function navigationFor(user: { role: Role; officeId: string | null }): NavItem[] {
  const items: NavItem[] = [{ href: "/portal", labelKey: "nav.portalHome" }];
  if (can(user.role, "read:report")) items.push({ href: "/portal/dasbor", labelKey: "dashboard.nav" });
  if (can(user.role, "export:report")) items.push({ href: "/portal/laporan", labelKey: "reports.nav" });
  if (user.role === "NATIONAL_ADMIN" || user.role === "REGIONAL_OVERSEER") {
    items.push({ href: "/portal/kantor", labelKey: "nav.offices" });
  } else if (user.officeId && can(user.role, "read:office")) {
    items.push({ href: `/portal/kantor/${user.officeId}`, labelKey: "nav.myOffice" });
  }
  if (can(user.role, "manage:user")) items.push({ href: "/portal/pengguna", labelKey: "nav.accounts" });
  return items;
}
