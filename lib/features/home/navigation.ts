import type { MessageKey } from "@/lib/i18n/keys";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";

export type NavItem = { href: string; labelKey: MessageKey };

/** The portal menu for a role: only what the permission map lets that role open. */
export function navigationFor(user: { role: Role; officeId: string | null; desaBinaanId?: string | null }): NavItem[] {
  const items: NavItem[] = [{ href: "/portal", labelKey: "nav.portalHome" }];
  if (can(user.role, "read:report")) items.push({ href: "/portal/dasbor", labelKey: "dashboard.nav" });
  if (can(user.role, "export:report")) items.push({ href: "/portal/laporan", labelKey: "reports.nav" });
  if (user.role === "VILLAGE") {
    // A village account reads one village: its own page, not a list.
    if (user.desaBinaanId) items.push({ href: `/portal/desa/${user.desaBinaanId}`, labelKey: "villages.navMine" });
  } else if (can(user.role, "read:village")) {
    items.push({ href: "/portal/desa", labelKey: "villages.nav" });
  }
  if (user.role === "NATIONAL_ADMIN" || user.role === "REGIONAL_OVERSEER") {
    items.push({ href: "/portal/kantor", labelKey: "nav.offices" });
  } else if (user.officeId && can(user.role, "read:office")) {
    items.push({ href: `/portal/kantor/${user.officeId}`, labelKey: "nav.myOffice" });
  }
  if (can(user.role, "read:event")) items.push({ href: "/portal/kegiatan", labelKey: "nav.events" });
  // Early warning (deteksi dini): the office's queue, the Kanwil's and nation's view, a village's own reports.
  if (can(user.role, "read:warning")) items.push({ href: "/portal/deteksi", labelKey: "warning.nav" });
  if (can(user.role, "create:material")) items.push({ href: "/portal/materi", labelKey: "materials.nav" });
  if (can(user.role, "create:quiz")) items.push({ href: "/portal/kuis", labelKey: "quiz.nav" });
  if (can(user.role, "manage:agency")) items.push({ href: "/portal/agensi", labelKey: "agency.nav" });
  if (can(user.role, "manage:user")) items.push({ href: "/portal/pengguna", labelKey: "nav.accounts" });
  if (can(user.role, "read:audit")) items.push({ href: "/portal/audit", labelKey: "audit.nav" });
  return items;
}
