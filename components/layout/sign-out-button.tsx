"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/masuk" })}
      className="min-h-11 rounded-md px-3 text-sm font-semibold text-white hover:bg-brand-700"
    >
      {t("signOut")}
    </button>
  );
}
