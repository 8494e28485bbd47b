import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { scopeFor } from "@/lib/auth/permissions";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { findOffices } from "@/lib/features/offices/queries";
import Link from "next/link";
import { manageableRoles } from "@/lib/features/accounts/managed";
import { findKanwilChoices, findManagedAccounts, findVillageChoices } from "@/lib/features/users/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { AccountStatusButton } from "./_components/account-status-button";
import { CreateAccountForm } from "./_components/create-account-form";
import { titled } from "@/lib/i18n/metadata";

export const generateMetadata = titled("nav.accounts");

export default async function AccountsPage() {
  const user = await requireUser();
  const accounts = await orNotFound(findManagedAccounts(user));
  const nationwide = scopeFor(user.role, "manage:user") === "any";
  const [villages, offices, kanwils] = await Promise.all([
    nationwide ? Promise.resolve([]) : findVillageChoices(user),
    nationwide ? findOffices(user) : Promise.resolve([]),
    findKanwilChoices(user),
  ]);
  const roles = manageableRoles(user);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("users.title")}</h1>
        <p className="text-slate-700">{t("users.intro")}</p>
      </div>
      <Card title={t("users.createTitle")}>
        <CreateAccountForm roles={roles} villages={villages} offices={offices.map((o) => ({ id: o.id, label: o.name }))} kanwils={kanwils} />
      </Card>
      <Card title={t("users.listTitle")}>
        {accounts.length === 0 ? (
          <p>{t("users.empty")}</p>
        ) : (
          <DataTable
            label={t("users.listTitle")}
            rows={accounts}
            rowKey={(a) => a.id}
            rowProps={(a) => ({ "data-testid": `account-${a.email}` })}
            columns={[
              {
                header: t("users.name"),
                cell: (a) => (
                  <>
                    <span className="font-medium">{a.name}</span>
                    <span className="block text-xs text-slate-600">{a.email}</span>
                  </>
                ),
              },
              {
                header: t("users.role"),
                cell: (a) => (
                  <>
                    {t(`roles.${a.role}`)}
                    {a.desaBinaan && <span className="block text-xs text-slate-600">{a.desaBinaan.village.name}</span>}
                    {nationwide && a.office && <span className="block text-xs text-slate-600">{a.office.name}</span>}
                    {a.kanwil && <span className="block text-xs text-slate-600">{a.kanwil.name}</span>}
                  </>
                ),
              },
              { header: t("users.lastSignIn"), cell: (a) => (a.lastSignInAt ? formatDateTimeInZone(a.lastSignInAt, WIB, locale) : t("users.never")) },
              {
                header: t("users.status"),
                cell: (a) => (
                  <>
                    <span className={a.active ? "text-green-800" : "text-red-800"}>{a.active ? t("users.active") : t("users.inactive")}</span>
                    {a.id === user.id ? (
                      <Link href="/akun" className="ml-2 text-xs">
                        ({t("users.you")})
                      </Link>
                    ) : (
                      roles.includes(a.role) && (
                        <>
                          <AccountStatusButton userId={a.id} active={a.active} name={a.name} />
                          <Link href={`/portal/pengguna/${a.id}`} className="ml-2 text-sm font-medium" aria-label={`${t("accounts.admin.edit")}: ${a.name}`}>
                            {t("accounts.admin.edit")}
                          </Link>
                        </>
                      )
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
