import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateTimeInZone } from "@/lib/dates";
import { manageableRoles } from "@/lib/features/accounts/managed";
import { findOffices } from "@/lib/features/offices/queries";
import { findKanwilChoices, findVillageChoices, getManagedAccount } from "@/lib/features/users/queries";
import { scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { titled } from "@/lib/i18n/metadata";
import { AccountStatusButton } from "../_components/account-status-button";
import { AccountSecurityButtons } from "../_components/account-security-buttons";
import { EditAccountForm } from "../_components/edit-account-form";

export const generateMetadata = titled("accounts.admin.editTitle");

/** One account the administrator manages: its placement, its status, a new password link, its second factor. */
export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const account = await orNotFound(getManagedAccount(user, id));
  const nationwide = scopeFor(user.role, "manage:user") === "any";
  const [villages, offices, kanwils] = await Promise.all([
    nationwide ? Promise.resolve([]) : findVillageChoices(user),
    nationwide ? findOffices(user) : Promise.resolve([]),
    findKanwilChoices(user),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/portal/pengguna" className="text-sm">
          ← {t("users.title")}
        </Link>
        <h1 className="text-2xl font-bold">{account.name}</h1>
        <p className="text-slate-700">
          {account.email} · {t(`roles.${account.role}`)} · {account.active ? t("users.active") : t("users.inactive")} ·{" "}
          {t("users.lastSignIn")}: {account.lastSignInAt ? formatDateTimeInZone(account.lastSignInAt, "Asia/Jakarta", locale) : t("users.never")}
        </p>
      </div>
      <Card title={t("accounts.admin.editTitle")}>
        <EditAccountForm
          account={{ userId: account.id, version: account.version, name: account.name, position: account.position ?? "", role: account.role, officeId: account.officeId ?? "", kanwilId: account.kanwilId ?? "", desaBinaanId: account.desaBinaanId ?? "" }}
          roles={manageableRoles(user)}
          villages={villages}
          offices={offices.map((o) => ({ id: o.id, label: o.name }))}
          kanwils={kanwils}
        />
      </Card>
      <Card title={t("accounts.admin.secondFactor")}>
        <p className="mb-3">
          {t("accounts.admin.secondFactor")}: {account.totpEnabledAt ? t("accounts.admin.on") : t("accounts.admin.off")}
        </p>
        <AccountSecurityButtons userId={account.id} name={account.name} email={account.email} hasSecondFactor={Boolean(account.totpEnabledAt)} active={account.active} />
        <div className="mt-3">
          <AccountStatusButton userId={account.id} active={account.active} name={account.name} />
        </div>
      </Card>
    </div>
  );
}
