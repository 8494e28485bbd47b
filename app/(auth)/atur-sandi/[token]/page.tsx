import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { getPasswordLinkState } from "@/lib/features/accounts/queries";
import { SetPasswordForm } from "./_components/set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.setPassword");
  // The token is a credential: never indexed, never sent on as a referrer.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** A one-time link from an invitation or a reset: the form if it still works, else why not. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await getPasswordLinkState(token);
  const t = await getTranslations("accounts");
  return (
    <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t(link.state === "valid" && link.purpose === "RESET" ? "setPassword.titleReset" : "setPassword.title")}</h1>
      {link.state === "valid" ? (
        <>
          <p className="mt-2 text-slate-700">{t("setPassword.intro", { email: link.email })}</p>
          <ClientMessages group="account">
            <SetPasswordForm token={token} email={link.email} />
          </ClientMessages>
        </>
      ) : (
        <div className="mt-4 space-y-4">
          <Alert>{t(`link.${link.state}`)}</Alert>
          <Link href="/masuk" className="font-medium">
            {t("setPassword.signIn")}
          </Link>
        </div>
      )}
    </div>
  );
}
