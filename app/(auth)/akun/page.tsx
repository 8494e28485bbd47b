import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Alert, Card } from "@/components/ui/card";
import { formatDateTimeInZone } from "@/lib/dates";
import { getOwnAccount } from "@/lib/features/accounts/queries";
import { requireUser } from "@/lib/server/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SecondFactorSetup } from "./_components/second-factor-setup";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.page");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The person's own password and second factor. Outside the portal's layout on purpose: an
 * account with something pending is sent here by that layout and can use nothing else.
 */
export default async function MyAccountPage() {
  const user = await requireUser();
  const account = await getOwnAccount(user);
  const t = await getTranslations("accounts.page");
  const locale = await getLocale();
  return (
    <div className="w-full max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{user.name} · {user.email}</p>
      </div>
      {account.pending === "password" && <Alert tone="info">{t("pendingPassword")}</Alert>}
      {account.pending === "second-factor" && <Alert tone="info">{t("pendingSecondFactor")}</Alert>}
      <ClientMessages group="account">
        {account.pending !== "second-factor" && (
          <Card title={t("passwordTitle")}>
            <ChangePasswordForm email={user.email} />
          </Card>
        )}
        {account.pending !== "password" && (
          <Card title={t("secondFactorTitle")}>
            <SecondFactorSetup
              enabledSince={account.secondFactorSince ? formatDateTimeInZone(account.secondFactorSince, "Asia/Jakarta", locale) : null}
              mayDisable={!account.secondFactorRequired}
            />
          </Card>
        )}
      </ClientMessages>
      {!account.pending && (
        <Link href="/portal" className="font-medium">
          {t("back")}
        </Link>
      )}
    </div>
  );
}
