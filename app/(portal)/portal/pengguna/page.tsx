import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { scopeFor } from "@/lib/auth/permissions";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { findOffices } from "@/lib/features/offices/queries";
import { findManagedAccounts, findVillageChoices } from "@/lib/features/users/queries";
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
  const [villages, offices] = await Promise.all([
    nationwide ? Promise.resolve([]) : findVillageChoices(user),
    nationwide ? findOffices(user) : Promise.resolve([]),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("users.title")}</h1>
        <p className="text-slate-700">{t("users.intro")}</p>
      </div>
      <Card title={t("users.createTitle")}>
        <CreateAccountForm
          villages={villages}
          offices={offices.map((o) => ({ id: o.id, label: o.name }))}
          nationwide={nationwide}
        />
      </Card>
      <Card title={t("users.listTitle")}>
        {accounts.length === 0 ? (
          <p>{t("users.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">{t("users.name")}</th>
                  <th scope="col" className="py-2 pr-3">{t("users.role")}</th>
                  <th scope="col" className="py-2 pr-3">{t("users.lastSignIn")}</th>
                  <th scope="col" className="py-2 pr-3">{t("users.status")}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100" data-testid={`account-${a.email}`}>
                    <td className="py-2 pr-3">
                      <span className="font-medium">{a.name}</span>
                      <span className="block text-xs text-slate-600">{a.email}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {t(`roles.${a.role}`)}
                      {a.desaBinaan && <span className="block text-xs text-slate-600">{a.desaBinaan.village.name}</span>}
                      {nationwide && a.office && <span className="block text-xs text-slate-600">{a.office.name}</span>}
                    </td>
                    <td className="py-2 pr-3">
                      {a.lastSignInAt ? formatDateTimeInZone(a.lastSignInAt, WIB, locale) : t("users.never")}
                    </td>
                    <td className="py-2 pr-3">
                      <span className={a.active ? "text-green-800" : "text-red-800"}>
                        {a.active ? t("users.active") : t("users.inactive")}
                      </span>
                      {a.id === user.id ? (
                        <span className="ml-2 text-xs text-slate-600">({t("users.you")})</span>
                      ) : (
                        (nationwide || a.role === "OFFICE_OFFICER" || a.role === "VILLAGE") && (
                          <AccountStatusButton userId={a.id} active={a.active} name={a.name} />
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
